package io.ocpi.adapter.bench;

import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The SFTP server of the benchmark in a JVM of its own (bench/run with {@code BENCH_SFTP=external}), as SAP's file
 * drop is on another host in production: the adapter's embedded server, {@code <port> <root> <user> <password>}, with
 * the inbound and outbound folders, on loopback until killed.
 */
public final class BenchSftp {

    private BenchSftp() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedSftpServer server = new EmbeddedSftpServer(Integer.parseInt(args[0]), Path.of(args[1]), args[2], args[3],
                List.of("inbound", "outbound"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        new CountDownLatch(1).await();
    }
}
