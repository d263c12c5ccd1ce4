package io.ocpi.adapter.bindings.sftp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An SFTP server inside the adapter (Apache MINA SSHD), standing in for the SAP file drop when the adapter runs on
 * its embedded defaults: one user, password login, its home a folder on disk with the IDoc folders in it. It listens
 * on loopback unless told otherwise, since whoever logs in can drop contract IDocs, and warns at start when the
 * password is the shipped one. Folders made over SFTP are {@code rwxr-x---}; symbolic links are listed as links,
 * never followed. It starts before Camel's routes, so that they find it, and stops after them. Production points the
 * routes at the real server instead (see config/application-production.yaml).
 */
public class EmbeddedSftpServer implements SmartLifecycle {

    /** The password application.yaml ships with, for a trial on one machine. */
    public static final String TRIAL_PASSWORD = "sap-file-drop";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);
    private static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwxr-x---");

    private final String bindAddress;
    private final int port;
    private final Path root;
    private final String username;
    private final String password;
    private final List<String> folders;
    // A MINA server does not start again once stopped: each start makes a new one, so that it can be restarted.
    private volatile SshServer server;

    public EmbeddedSftpServer(String bindAddress, int port, Path root, String username, String password, List<String> folders) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.root = root;
        this.username = username;
        this.password = password;
        this.folders = folders;
    }

    /** On loopback. */
    public EmbeddedSftpServer(int port, Path root, String username, String password, List<String> folders) {
        this(InetAddress.getLoopbackAddress().getHostAddress(), port, root, username, password, folders);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (TRIAL_PASSWORD.equals(password)) {
            LOG.warn("the embedded SFTP server on {}:{} takes the shipped password: set ocpi.bindings.sftp.password "
                    + "(OCPI_BINDINGS_SFTP_PASSWORD) before anyone else can reach it", bindAddress, port);
        }
        SshServer starting = SshServer.setUpDefaultServer();
        starting.setHost(bindAddress);
        starting.setPort(port);
        starting.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + "-hostkey.ser")));
        starting.setPasswordAuthenticator((user, given, session) -> user.equals(username) && constantTimeEquals(given, password));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.setFileSystemAccessor(new SftpFileSystemAccessor() {
            @Override
            public void createDirectory(SftpSubsystemProxy subsystem, Path folder) throws IOException {
                Files.createDirectory(folder);
                Files.setPosixFilePermissions(folder, FOLDER_PERMISSIONS);
            }
        });
        starting.setSubsystemFactories(List.of(sftp));
        SftpModuleProperties.AUTO_FOLLOW_LINKS.set(starting, false);
        starting.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        // SFTP is request and answer: with Nagle's algorithm, the second packet of an answer would wait for the
        // client's delayed ACK (tens of milliseconds) at every file written.
        CoreModuleProperties.TCP_NODELAY.set(starting, true);
        try {
            for (String folder : folders) {
                Files.createDirectories(root.resolve(folder));
            }
            starting.start();
            server = starting;
            LOG.info("embedded SFTP server on {}:{}, files in {}", bindAddress, port, root.toAbsolutePath());
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
