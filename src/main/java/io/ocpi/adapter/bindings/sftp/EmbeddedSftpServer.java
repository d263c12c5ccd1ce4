package io.ocpi.adapter.bindings.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An SFTP server inside the adapter (Apache MINA SSHD), standing in for the SAP file drop when the adapter runs on
 * its embedded defaults: one user, password login, its home a folder on disk with the IDoc folders in it. It starts
 * before Camel's routes, so that they find it, and stops after them. Production points the routes at the real server
 * instead (see config/application-production.yaml).
 */
public class EmbeddedSftpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final SshServer server;
    private final Path root;
    private final List<String> folders;

    public EmbeddedSftpServer(int port, Path root, String username, String password, List<String> folders) {
        this.root = root;
        this.folders = folders;
        server = SshServer.setUpDefaultServer();
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + "-hostkey.ser")));
        server.setPasswordAuthenticator((user, given, session) -> user.equals(username) && constantTimeEquals(given, password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
    }

    @Override
    public void start() {
        try {
            for (String folder : folders) {
                Files.createDirectories(root.resolve(folder));
            }
            server.start();
            LOG.info("embedded SFTP server on port {}, files in {}", server.getPort(), root.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("embedded SFTP server cannot start on port " + server.getPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("embedded SFTP server did not stop cleanly: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return server.isStarted();
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
