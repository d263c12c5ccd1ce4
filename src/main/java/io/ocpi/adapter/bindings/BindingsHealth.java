package io.ocpi.adapter.bindings;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of each enabled backend, in the readiness group (application.yaml): an instance whose billing database,
 * SFTP server or Kafka broker cannot be reached is taken out of the load balancer rather than failing requests and
 * filling its outbox at random. A binding that is off has no indicator. The beans are named *HealthIndicator so that
 * the checks are called billing, sftp and kafka, while those names stay free for the routes' Camel registry.
 */
@Configuration(proxyBeanMethods = false)
public class BindingsHealth {

    /** How long a check may wait for its backend: well within a readiness probe's timeout. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Bean
    @ConditionalOnProperty("ocpi.bindings.billing.enabled")
    public HealthIndicator billingHealthIndicator(CamelContext camel) {
        return () -> {
            DataSource database = camel.getRegistry().lookupByNameAndType("billing", DataSource.class);
            if (database == null) {
                return Health.unknown().withDetail("reason", "not bound yet").build();
            }
            try (Connection connection = database.getConnection()) {
                return connection.isValid((int) TIMEOUT.toSeconds())
                        ? Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build()
                        : Health.down().withDetail("reason", "connection not valid").build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    @ConditionalOnProperty("ocpi.bindings.sftp.enabled")
    public HealthIndicator sftpHealthIndicator(BindingsProperties bindings) {
        BindingsProperties.Sftp sftp = bindings.sftp();
        return () -> {
            Session session = null;
            try {
                JSch jsch = new JSch();
                Path knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
                if (sftp.useUserKnownHostsFile() && Files.exists(knownHosts)) {
                    jsch.setKnownHosts(knownHosts.toString());
                }
                session = jsch.getSession(sftp.username(), sftp.host(), sftp.port());
                session.setPassword(sftp.password());
                // The same host key policy as the routes: a check must not trust more than they do.
                session.setConfig("StrictHostKeyChecking", sftp.strictHostKeyChecking());
                session.connect((int) TIMEOUT.toMillis());
                ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
                channel.connect((int) TIMEOUT.toMillis());
                try {
                    // The folders the routes use must be there: a missing one fails every file.
                    channel.stat(sftp.inbound());
                    channel.stat(sftp.outbound());
                } finally {
                    channel.disconnect();
                }
                return Health.up().withDetail("server", sftp.host() + ":" + sftp.port()).build();
            } catch (JSchException e) {
                return Health.down().withDetail("server", sftp.host() + ":" + sftp.port()).withDetail("reason", e.getMessage()).build();
            } catch (Exception e) {
                return Health.down(e).withDetail("server", sftp.host() + ":" + sftp.port()).build();
            } finally {
                if (session != null) {
                    session.disconnect();
                }
            }
        };
    }

    /** The folders polled through {@link WatchedPolls} (the SAP inbound folder): DOWN when one is no longer polled. */
    @Bean
    public HealthIndicator pollersHealthIndicator(WatchedPolls watchedPolls) {
        return watchedPolls::health;
    }

    @Bean
    @ConditionalOnProperty("ocpi.bindings.kafka.enabled")
    public KafkaHealth kafkaHealthIndicator(BindingsProperties bindings) {
        return new KafkaHealth(bindings.kafka().brokers());
    }

    /** Asks the cluster for its id: answered only when a broker is reachable. One admin client, kept open. */
    public static final class KafkaHealth implements HealthIndicator, DisposableBean {

        private final String brokers;
        private final Admin admin;

        KafkaHealth(String brokers) {
            this.brokers = brokers;
            this.admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "ocpi-adapter-health"));
        }

        @Override
        public Health health() {
            try {
                DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
                String id = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("brokers", brokers).withDetail("cluster", id).withDetail("nodes", nodes).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().withDetail("brokers", brokers).withDetail("reason", "interrupted").build();
            } catch (Exception e) {
                return Health.down().withDetail("brokers", brokers).withDetail("reason", String.valueOf(e.getMessage())).build();
            }
        }

        @Override
        public void destroy() {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
