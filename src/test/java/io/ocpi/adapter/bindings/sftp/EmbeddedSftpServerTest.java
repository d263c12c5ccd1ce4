package io.ocpi.adapter.bindings.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.Ports;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The SFTP server of the embedded run, as someone else on the network or an SFTP client meets it. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSftpServerTest {

    @TempDir
    Path root;

    @Test
    void onTheShippedSettingsItListensOnLoopbackOnlyAndTheShippedPasswordIsWarnedAbout(CapturedOutput output) throws Exception {
        int port = Ports.free();
        try (AdapterInstance adapter = AdapterInstance.start("embedded-sftp", "NL", "AD", Map.of(
                "ocpi.bindings.sftp.embedded.enabled", true,
                "ocpi.bindings.sftp.embedded.root", root.resolve("sftp").toString(),
                "ocpi.bindings.sftp.port", port))) {
            try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(local.isConnected()).isTrue();
            }
            InetAddress elsewhere = otherAddressOfThisMachine();
            assumeTrue(elsewhere != null, "this machine has no address besides loopback");
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(elsewhere, port), 2000);
                }
            }).as("SFTP on %s:%d", elsewhere.getHostAddress(), port).isInstanceOf(ConnectException.class);
            assertThat(output.getOut()).contains("the embedded SFTP server on 127.0.0.1:" + port + " takes the shipped password");
            System.out.printf("embedded SFTP server: listening on 127.0.0.1:%d, refused on %s%n", port, elsewhere.getHostAddress());
        }
    }

    @Test
    void aFolderMadeOverSftpIsOpenToItsOwnerAndGroupOnly() throws Exception {
        int port = Ports.free();
        EmbeddedSftpServer server = new EmbeddedSftpServer(port, root.resolve("home"), "sap", "secret", List.of("inbound"));
        server.start();
        try {
            Session session = new JSch().getSession("sap", "localhost", port);
            session.setPassword("secret");
            session.setConfig("StrictHostKeyChecking", "no");
            session.connect(5000);
            try {
                ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
                channel.connect();
                channel.mkdir("inbound/made");
                channel.disconnect();
            } finally {
                session.disconnect();
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("home/inbound/made")))).isEqualTo("rwxr-x---");
        } finally {
            server.stop();
        }
    }

    static InetAddress otherAddressOfThisMachine() throws Exception {
        return NetworkInterface.networkInterfaces().filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (Exception e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
    }
}
