package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocpi.adapter.bindings.sap.Idocs;
import io.ocpi.adapter.bindings.sftp.InboundFiles;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.support.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.file.GenericFileExist;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The routes of routes/sap.camel.yaml, each on its own: the SFTP endpoints (the inbound poller, and those of the
 * routes made from the Kamelet sap-sftp-sink that the writes use) replaced by mocks, the real IDoc types and mappings.
 * No SFTP server is needed: what is written is what the mocked endpoint receives.
 */
class SapRoutesTest extends RouteFileTestSupport {

    @Override
    String routeFile() {
        return "sap.camel.yaml";
    }

    @Override
    void bind(Registry registry) {
        Idocs idoc = new Idocs(Path.of("mappings", "idoc"), OcpiJson.newMapper(), new SimpleMeterRegistry());
        registry.bind("idoc", idoc);
        // What the inbound folder's poller names, for the route to be built; its files come from a direct endpoint here.
        registry.bind("inboundFiles", new InboundFiles("done", "error", Duration.ofSeconds(30), DataSize.ofMegabytes(16), idoc::refused));
        registry.bind("watchedPolls", new WatchedPolls());
        registry.bind("processedIdocs", MemoryIdempotentRepository.memoryIdempotentRepository());
        // sap-contract-idoc-to-tokens starts with transacted: a transaction manager, as the adapter's, on a database of its own.
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:sap-routes;DB_CLOSE_DELAY=-1");
        registry.bind("transactionManager", new DataSourceTransactionManager(database));
    }

    private void writingToMockedSftp() throws Exception {
        AdviceWith.adviceWith(context, "sap-cdr-to-idoc-file", route -> route.mockEndpointsAndSkip("sftp:*"));
    }

    @Test
    void aCdrFromARoamingPartnerAndOneOfOurOwnBecomeIdocFilesForSap() throws Exception {
        writingToMockedSftp();
        start("sap-cdrs-received", "sap-cdrs-published", "sap-cdr-to-idoc-file");

        template.sendBodyAndHeader("direct:ocpi.cdrs.received.sap", Samples.cdr("PCP", "CDR-THEIRS", "UMS"), "OcpiDeliveryId", 11L);
        template.sendBodyAndHeader("direct:ocpi.cdrs.published.sap", Samples.cdr("UCP", "CDR-OURS", "ADE"), "OcpiDeliveryId", 12L);

        List<Exchange> written = getMockEndpoint("mock:sftp:localhost:2222/outbound").getExchanges();
        assertThat(written).hasSize(2);
        assertThat(written.get(0).getMessage().getBody(String.class))
                .startsWith("EDI_DC40").contains("ZOCPICDR01").contains("OCPIADAPT").contains("SAPCLNT100").contains("CDR-THEIRS");
        assertThat(written.get(1).getMessage().getBody(String.class)).contains("CDR-OURS");
        assertThat(written.get(0).getMessage().getHeaders()).containsEntry("SapSenderPort", "OCPIADAPT").containsEntry("SapReceiverPort", "SAPR3");
    }

    @Test
    void anIdocFileThatCannotBeRenamedIsWrittenAgainOverTheOldOne() throws Exception {
        writingToMockedSftp();
        start("sap-cdrs-received", "sap-cdr-to-idoc-file");
        // Both writes, the first (fileExist=TryRename) and the second (Override), reach the one mock of the folder.
        MockEndpoint outbound = getMockEndpoint("mock:sftp:localhost:2222/outbound");
        outbound.whenExchangeReceived(1, exchange -> {
            throw new GenericFileOperationFailedException("Cannot rename file: ZOCPICDR_13.idoc.part to: ZOCPICDR_13.idoc");
        });

        Exchange delivered = template.send("direct:ocpi.cdrs.received.sap", exchange -> {
            exchange.getMessage().setBody(Samples.cdr("PCP", "CDR-AGAIN", "UMS"));
            exchange.getMessage().setHeader("OcpiDeliveryId", 13L);
        });

        assertThat(delivered.getException()).isNull();
        assertThat(outbound.getExchanges()).hasSize(2)
                .allSatisfy(file -> assertThat(file.getMessage().getBody(String.class)).contains("CDR-AGAIN"));
    }

    @Test
    void aFileThatCannotBeWrittenAtAllFailsItsDeliverySoThatTheOutboxTriesAgain() throws Exception {
        writingToMockedSftp();
        start("sap-cdrs-received", "sap-cdr-to-idoc-file");
        getMockEndpoint("mock:sftp:localhost:2222/outbound").whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("connection refused");
        });

        Exchange delivered = template.send("direct:ocpi.cdrs.received.sap", exchange -> {
            exchange.getMessage().setBody(Samples.cdr("PCP", "CDR-DOWN", "UMS"));
            exchange.getMessage().setHeader("OcpiDeliveryId", 14L);
        });

        assertThat(delivered.getException()).hasMessageContaining("connection refused");
    }

    @Test
    void bothWritesGoThroughTheFileDropsKameletWithTheConnectionsSettings() throws Exception {
        start("sap-cdrs-received", "sap-cdr-to-idoc-file");
        List<SftpEndpoint> writes = context.getEndpoints().stream().filter(SftpEndpoint.class::isInstance).map(SftpEndpoint.class::cast)
                .filter(endpoint -> "outbound".equals(endpoint.getConfiguration().getDirectory())).toList();
        assertThat(writes).extracting(SftpEndpoint::getFileExist).containsExactlyInAnyOrder(GenericFileExist.TryRename, GenericFileExist.Override);
        assertThat(writes).allSatisfy(write -> {
            SftpConfiguration sftp = write.getConfiguration();
            assertThat(sftp.getHost()).isEqualTo("localhost");
            assertThat(sftp.getPort()).isEqualTo(2222);
            assertThat(sftp.getUsername()).isEqualTo("sap");
            assertThat(sftp.getPassword()).isEqualTo("sap-file-drop");
            assertThat(sftp.getStrictHostKeyChecking()).isEqualTo("no");
            assertThat(sftp.isUseUserKnownHostsFile()).isFalse();
            assertThat(sftp.isStepwise()).isFalse();
            assertThat(write.isAutoCreate()).isFalse();
            assertThat(write.getTempFileName()).hasToString("${file:name}.part");
            assertThat(write.getFileName()).hasToString("ZOCPICDR_${header.OcpiDeliveryId}.idoc");
            assertThat(write.isFastExistsCheck()).isEqualTo(write.getFileExist() == GenericFileExist.Override);
        });
    }

    @Test
    void aContractFileBecomesOurTokensEachIdocOnce() throws Exception {
        AdviceWith.adviceWith(context, "sap-contracts-to-tokens", route -> route.replaceFromWith("direct:inbound-file"));
        AdviceWith.adviceWith(context, "sap-contract-idoc-to-tokens", route -> route.mockEndpointsAndSkip("direct:ocpi.*"));
        start("sap-contracts-to-tokens", "sap-contract-idoc-to-tokens");
        MockEndpoint published = getMockEndpoint("mock:direct:ocpi.tokens.publish");

        String file = Samples.contractIdoc("0000000000000101", "NL-UMS-C00000101-1", "ACTIVE", "04A1B2C3D4");
        template.sendBodyAndHeader("direct:inbound-file", file, "CamelFileName", "contracts.idoc");
        template.sendBodyAndHeader("direct:inbound-file", file, "CamelFileName", "contracts-again.idoc");

        assertThat(published.getExchanges()).singleElement().satisfies(token -> {
            assertThat(token.getMessage().getBody(String.class)).contains("\"uid\":\"04A1B2C3D4\"")
                    .contains("\"contract_id\":\"NL-UMS-C00000101-1\"").contains("\"valid\":true")
                    .contains("\"country_code\":\"NL\"").contains("\"party_id\":\"UMS\"");
            assertThat(token.getMessage().getHeaders()).containsEntry("IdocDocnum", "0000000000000101");
        });
    }

    @Test
    void aFileThatIsNoContractIdocFailsSoThatItGoesToTheErrorFolderWithItsReason() throws Exception {
        AdviceWith.adviceWith(context, "sap-contracts-to-tokens", route -> route.replaceFromWith("direct:inbound-file"));
        AdviceWith.adviceWith(context, "sap-contract-idoc-to-tokens", route -> route.mockEndpointsAndSkip("direct:ocpi.*"));
        start("sap-contracts-to-tokens", "sap-contract-idoc-to-tokens");

        Exchange read = template.send("direct:inbound-file", exchange -> {
            exchange.getMessage().setBody("not an IDoc\n");
            exchange.getMessage().setHeader("CamelFileName", "junk.idoc");
        });

        // The inbound folder's process strategy moves a failed file to error/, with this message as its reason.
        assertThat(read.getException()).isNotNull();
        assertThat(read.getException().getMessage()).isNotBlank();
        assertThat(getMockEndpoint("mock:direct:ocpi.tokens.publish").getReceivedCounter()).isZero();
    }

    @Test
    void withTheBindingSwitchedOffItsListenersAndPollerAreNotCreated() throws Exception {
        context.getPropertiesComponent().addOverrideProperty("ocpi.bindings.sftp.enabled", "false");
        start();
        assertThat(context.getRoute("sap-cdrs-received")).isNull();
        assertThat(context.getRoute("sap-cdrs-published")).isNull();
        assertThat(context.getRoute("sap-contracts-to-tokens")).isNull();
    }
}
