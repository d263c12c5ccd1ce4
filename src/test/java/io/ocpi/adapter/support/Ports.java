package io.ocpi.adapter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers a test starts itself (an SFTP server, a broker address where nothing listens). */
public final class Ports {

    private Ports() {
    }

    /** A port free on this machine a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
