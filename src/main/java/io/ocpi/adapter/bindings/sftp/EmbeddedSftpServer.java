package io.ocpi.adapter.bindings.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An SFTP server inside the adapter (Apache MINA SSHD), standing in for the SAP file drop when the adapter runs on
 * its embedded defaults: one user, password login, its home a folder on disk with the IDoc folders in it. Symbolic
 * links are listed as links, never followed, as OpenSSH lists them. It starts before Camel's routes, so that they
 * find it, and stops after them. Production points the routes at the real server instead (see
 * config/application-production.yaml).
 */
public class EmbeddedSftpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final int port;
    private final Path root;
    private final String username;
    private final String password;
    private final List<String> folders;
    // A MINA server does not start again once stopped: each start makes a new one, so that it can be restarted.
    private volatile SshServer server;

    public EmbeddedSftpServer(int port, Path root, String username, String password, List<String> folders) {
        this.port = port;
        this.root = root;
        this.username = username;
        this.password = password;
        this.folders = folders;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        SshServer starting = SshServer.setUpDefaultServer();
        starting.setPort(port);
        starting.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + "-hostkey.ser")));
        starting.setPasswordAuthenticator((user, given, session) -> user.equals(username) && constantTimeEquals(given, password));
        starting.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        SftpModuleProperties.AUTO_FOLLOW_LINKS.set(starting, false);
        starting.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        // SFTP is request and answer: with Nagle's algorithm on, an answer sent in two packets held its second until
        // the client's delayed ACK came, 40 ms, once for every file written.
        CoreModuleProperties.TCP_NODELAY.set(starting, true);
        try {
            for (String folder : folders) {
                Files.createDirectories(root.resolve(folder));
            }
            starting.start();
            server = starting;
            LOG.info("embedded SFTP server on port {}, files in {}", port, root.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("embedded SFTP server cannot start on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("embedded SFTP server did not stop cleanly: {}", e.getMessage());
        } finally {
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        SshServer running = server;
        return running != null && running.isStarted();
    }

    /** Before Camel (which starts in the last phase) and stopped after it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
