package io.ocpi.adapter.bindings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The enterprise bindings ({@code ocpi.bindings.*}): which are on, and where their systems are. The defaults, with
 * their meaning, are in application.yaml, because the routes in {@code routes/} read the same keys as placeholders
 * ({@code {{ocpi.bindings.sftp.host}}}); this record is what the Java side of the bindings needs of them.
 */
@ConfigurationProperties("ocpi.bindings")
public record BindingsProperties(Path mappings, Billing billing, Sftp sftp, Kafka kafka) {

    /**
     * @param url         the billing database; empty: the adapter's own database holds the billing tables
     * @param initScripts SQL scripts run against it at start (the reference schema and demo data of the embedded
     *                    run); empty in production, where the billing database exists already
     */
    public record Billing(boolean enabled, String url, String username, String password, List<String> initScripts) {
    }

    /**
     * @param done        below {@code inbound}: where a file goes once processed
     * @param error       below {@code inbound}: where a file goes that could not be, with a {@code .reason} file
     * @param stableFor   how long an inbound file must stay unchanged before it is read
     * @param maxFileSize inbound files larger than this are refused unread
     */
    public record Sftp(boolean enabled, String host, int port, String username, String password,
                       String strictHostKeyChecking, boolean useUserKnownHostsFile, Embedded embedded,
                       String inbound, String outbound, String done, String error, Duration stableFor, DataSize maxFileSize) {
    }

    public record Kafka(boolean enabled, String brokers) {
    }

    /**
     * The SFTP server inside the adapter, for runs without a real one.
     *
     * @param bindAddress the address it listens on: loopback unless other machines must reach it
     */
    public record Embedded(boolean enabled, Path root, String bindAddress) {
    }
}
