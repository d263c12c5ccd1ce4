package io.ocpi.adapter.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.ocpi.adapter.bindings.sap.Idocs;
import io.ocpi.adapter.bindings.sftp.EmbeddedSftpServer;
import io.ocpi.adapter.bindings.sftp.InboundFiles;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jslt.JsltEndpoint;
import org.apache.camel.component.sql.DefaultSqlEndpoint;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * What the routes of the bindings find by name: {@code #billing} (the billing database), {@code #idoc} (IDoc files,
 * see {@link Idocs}), {@code #processedIdocs} (IDocs already processed, by DOCNUM, shared by all instances),
 * {@code #inboundFiles} and {@code #watchedPolls} (how the SAP inbound folder is polled), and the embedded SFTP server
 * when it is on. A {@link RouteTrial} makes its own of them to build route files with.
 */
@Configuration(proxyBeanMethods = false)
public class BindingsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BindingsConfiguration.class);

    /** The name of the billing database in Camel's registry. */
    static final String BILLING = "billing";

    @Bean
    public Idocs idoc(BindingsProperties bindings, ObjectMapper json, MeterRegistry registry) {
        return new Idocs(bindings.mappings().resolve("idoc"), json, registry);
    }

    /** How the SAP inbound route takes files from its folder: only when stable, never a link or an oversized file. */
    @Bean
    public InboundFiles inboundFiles(BindingsProperties bindings, Idocs idoc) {
        BindingsProperties.Sftp sftp = bindings.sftp();
        return new InboundFiles(sftp.done(), sftp.error(), sftp.stableFor(), sftp.maxFileSize(), idoc::refused);
    }

    @Bean
    public WatchedPolls watchedPolls() {
        return new WatchedPolls();
    }

    @Bean
    public JdbcMessageIdRepository processedIdocs(DataSource adapterDatabase) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(adapterDatabase, "sap-inbound");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /** The billing database, and the unit of work in which the outbox hands a route several events. */
    @Bean
    public BillingDatabase billingEvents(BindingsProperties bindings, DataSource adapterDatabase) {
        return new BillingDatabase(billingDataSource(bindings.billing(), adapterDatabase));
    }

    /**
     * The billing database, bound in Camel's registry only: as a Spring bean it would stand in for the adapter's own
     * database. Its init scripts run before the routes start.
     */
    @Bean
    public CamelContextConfiguration billingDatabase(BindingsProperties bindings, BillingDatabase billingEvents) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                BindingsProperties.Billing billing = bindings.billing();
                DataSource database = billingEvents.dataSource();
                List<String> scripts = billing.initScripts() == null ? List.of()
                        : billing.initScripts().stream().filter(script -> !script.isBlank()).toList();
                if (billing.enabled() && !scripts.isEmpty()) {
                    ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
                    scripts.forEach(script -> populator.addScript(new FileSystemResource(Path.of(script))));
                    populator.execute(database);
                    LOG.info("billing database prepared with {}", scripts);
                }
                camel.getRegistry().bind(BILLING, database);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /** The billing database: its own, or the adapter's when none is configured. */
    static DataSource billingDataSource(BindingsProperties.Billing billing, DataSource adapterDatabase) {
        return billing.url() == null || billing.url().isBlank() ? adapterDatabase
                : DataSourceBuilder.create().url(billing.url()).username(billing.username()).password(billing.password()).build();
    }

    /**
     * JSLT mappings read their input with the adapter's JSON mapping. Without one, the JSLT endpoint makes a new
     * ObjectMapper for every message, which costs more than the mapping itself.
     */
    @Bean
    public CamelContextConfiguration jsltJson(ObjectMapper json) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                    if (endpoint instanceof JsltEndpoint jslt && jslt.getObjectMapper() == null) {
                        jslt.setObjectMapper(json);
                    }
                    return endpoint;
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /**
     * SQL calls and polls read their query's named parameters once ({@link PreparedQueries}), not at every call; a
     * route that names a {@code prepareStatementStrategy} of its own keeps it.
     */
    @Bean
    public CamelContextConfiguration preparedQueries() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                    if (endpoint instanceof DefaultSqlEndpoint sql && sql.getPrepareStatementStrategy() == null) {
                        sql.setPrepareStatementStrategy(new PreparedQueries());
                    }
                    return endpoint;
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    @Bean
    @ConditionalOnProperty("ocpi.bindings.sftp.embedded.enabled")
    public EmbeddedSftpServer embeddedSftpServer(BindingsProperties bindings) {
        BindingsProperties.Sftp sftp = bindings.sftp();
        return new EmbeddedSftpServer(sftp.embedded().bindAddress(), sftp.port(), sftp.embedded().root(), sftp.username(),
                sftp.password(), List.of(sftp.inbound(), sftp.outbound()));
    }
}
