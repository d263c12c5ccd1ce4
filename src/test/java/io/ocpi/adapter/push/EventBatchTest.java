package io.ocpi.adapter.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events for one route handed over together, in one unit of work on the billing database: what the route writes
 * commits once for all of them. An event that fails in the middle is tried again later, alone; the others are
 * delivered, each written once, whether the failure was the database's (which ends the transaction: the events before
 * it are handed over again) or not; the events of its object after it wait for it.
 */
class EventBatchTest {

    static final String TO_DATABASE = "direct://test.received.database";
    static final String ELSEWHERE = "direct://test.received.elsewhere";

    AdapterInstance adapter;
    JdbcClient jdbc;
    /** What the route that writes elsewhere (a broker, a file drop) has written, in order. */
    final List<String> written = new CopyOnWriteArrayList<>();
    /** Every event the database route was handed, in order. */
    final List<String> handed = new CopyOnWriteArrayList<>();
    /** Line items another connection saw while E3 was handed over. */
    final List<Long> seenFromOutside = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        adapter = AdapterInstance.start("event-batch", "NL", "EB", Map.of());
        // Deliveries are the test's own.
        adapter.bean(CamelContext.class).getRouteController().stopRoute("push-outbox");
        jdbc = adapter.bean(JdbcClient.class);
        jdbc.sql("CREATE TABLE test_line_item (object_id VARCHAR(40) PRIMARY KEY)").update();
        adapter.bean(CamelContext.class).addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(TO_DATABASE)
                        .process(e -> handed.add(e.getIn().getHeader("OcpiObjectId", String.class)))
                        .choice()
                            .when(header("OcpiObjectId").isEqualTo("FAILS"))
                                .throwException(new IllegalStateException("mapping failed"))
                            .when(header("OcpiObjectId").isEqualTo("BREAKS"))
                                // A database error, not a refusal of the data: tried again later.
                                .to("sql:SELECT COUNT(*) FROM test_missing_table?dataSource=#billing&parametersCount=0")
                            .when(header("OcpiObjectId").isEqualTo("E3"))
                                .process(e -> seenFromOutside.add(jdbc.sql("SELECT COUNT(*) FROM test_line_item").query(Long.class).single()))
                        .end()
                        .setBody(simple("${null}"))
                        .to("sql:INSERT INTO test_line_item (object_id) VALUES (:#${header.OcpiObjectId})?dataSource=#billing&parametersCount=1");
                from(ELSEWHERE)
                        .choice()
                            .when(header("OcpiObjectId").isEqualTo("FAILS"))
                                .throwException(new IllegalStateException("broker not reachable"))
                        .end()
                        .process(e -> written.add(e.getIn().getHeader("OcpiObjectId", String.class) + "#" + e.getIn().getBody(String.class)));
            }
        });
    }

    @AfterEach
    void stop() {
        adapter.close();
    }

    /** Queues one event per object for the route, and claims them as the outbox does. */
    List<OutboxItem> queued(String route, String... objects) {
        Outbox outbox = adapter.bean(Outbox.class);
        for (String object : objects) {
            String id = object.replaceAll("#.*", "");
            outbox.addEvent(List.of(route), "test", "test/" + id, object.contains("#") ? object.replaceAll(".*#", "") : "1",
                    "{\"OcpiObjectId\":\"" + id + "\"}");
        }
        List<OutboxItem> items = outbox.claim(100, 10, Duration.ofMinutes(1), List.of(), List.of()).items();
        assertThat(items).hasSize(objects.length);
        return items;
    }

    List<String> lineItems() {
        return jdbc.sql("SELECT object_id FROM test_line_item ORDER BY object_id").query(String.class).list();
    }

    /** The events still in the outbox, as object: attempts, whether due now, and the error. */
    List<String> waiting() {
        adapter.bean(DeliveryOutcomes.class).removeDelivered();
        return jdbc.sql("SELECT object_key, attempts, last_error FROM ocpi_outbox ORDER BY id")
                .query((rs, n) -> rs.getString("object_key") + " " + rs.getInt("attempts") + " " + rs.getString("last_error")).list();
    }

    @Test
    void aDatabaseErrorInTheMiddleLeavesTheOthersWrittenOnceAndItTriedAgainAlone() {
        List<OutboxItem> items = queued(TO_DATABASE, "A1", "A2", "BREAKS", "A3", "A4");

        List<OutboxItem> heldBack = adapter.bean(EventDelivery.class).deliver(items);

        assertThat(heldBack).isEmpty();
        assertThat(lineItems()).containsExactly("A1", "A2", "A3", "A4");
        if (TestDatabase.isPostgres()) {
            // The events before the failure were handed over again, once its error had undone their transaction.
            assertThat(handed).containsExactly("A1", "A2", "BREAKS", "A1", "A2", "A3", "A4");
        }
        assertThat(waiting()).singleElement().asString().startsWith("test/BREAKS 1 ").contains("BadSqlGrammarException");
    }

    @Test
    void aRowTheDatabaseRefusesIsADeadLetterAndTheOthersAreWrittenOnce() {
        jdbc.sql("INSERT INTO test_line_item (object_id) VALUES ('TAKEN')").update();
        List<OutboxItem> items = queued(TO_DATABASE, "G1", "TAKEN", "G2");

        adapter.bean(EventDelivery.class).deliver(items);

        assertThat(lineItems()).containsExactly("G1", "G2", "TAKEN");
        assertThat(jdbc.sql("SELECT status FROM ocpi_outbox WHERE object_key = 'test/TAKEN'").query(String.class).single()).isEqualTo("DEAD");
        assertThat(waiting()).singleElement().asString().startsWith("test/TAKEN 1 ");
    }

    @Test
    void aFailureOutsideTheDatabaseKeepsWhatTheOthersWroteAndHandsNothingTwice() {
        List<OutboxItem> items = queued(TO_DATABASE, "B1", "B2", "FAILS", "B3");

        adapter.bean(EventDelivery.class).deliver(items);

        assertThat(lineItems()).containsExactly("B1", "B2", "B3");
        assertThat(handed).containsExactly("B1", "B2", "FAILS", "B3");
        assertThat(waiting()).singleElement().asString().startsWith("test/FAILS 1 ").contains("mapping failed");
    }

    @Test
    void aRouteThatWritesElsewhereGetsEveryOtherEventOnceAndTheFailedOneWaits() {
        List<OutboxItem> items = queued(ELSEWHERE, "C1", "FAILS", "C2", "C3");

        adapter.bean(EventDelivery.class).deliver(items);

        assertThat(written).containsExactly("C1#1", "C2#1", "C3#1");
        assertThat(waiting()).singleElement().asString().startsWith("test/FAILS 1 ").contains("broker not reachable");
    }

    @Test
    void theEventsOfAnObjectAfterOneThatFailedWaitForItInOrder() {
        List<OutboxItem> items = queued(ELSEWHERE, "D1#1", "FAILS#1", "D1#2", "FAILS#2", "FAILS#3", "D1#3");

        List<OutboxItem> heldBack = adapter.bean(EventDelivery.class).deliver(items);

        assertThat(written).containsExactly("D1#1", "D1#2", "D1#3");
        assertThat(heldBack).extracting(OutboxItem::body).containsExactly("2", "3");
        assertThat(heldBack).extracting(OutboxItem::objectKey).containsOnly("test/FAILS");
    }

    @Test
    void aBatchCommitsItsDatabaseWritesOnlyAtItsEnd() {
        List<OutboxItem> items = queued(TO_DATABASE, "E1", "E2", "E3");

        adapter.bean(EventDelivery.class).deliver(items);

        assertThat(lineItems()).containsExactly("E1", "E2", "E3");
        assertThat(seenFromOutside).containsExactly(0L);
    }
}
