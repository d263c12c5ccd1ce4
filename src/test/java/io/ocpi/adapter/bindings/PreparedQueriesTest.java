package io.ocpi.adapter.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL calls' named parameters, read once per query, bind as Camel's own strategy binds them. */
class PreparedQueriesTest {

    static CamelContext camel;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    /** As the sql component hands a query file's text over: {@code :#} already made {@code :?}. */
    static final List<String> QUERIES = List.of(
            "SELECT a FROM t WHERE k = :?${header.OcpiObjectId} AND CAST(:?${header.OcpiLocationId} AS VARCHAR(36)) IS NOT NULL",
            "INSERT INTO t (a, b) VALUES (:?cdr_id, :?total_cost)",
            "UPDATE t SET at = :?${header.At}, n = 0 WHERE id = :?${header.Id} AND x::text = 'y' AND z = :?$simple{header.Key}");

    @Test
    void preparedQueriesAndParametersAreCamels() throws Exception {
        PreparedQueries kept = new PreparedQueries();
        DefaultSqlPrepareStatementStrategy camels = new DefaultSqlPrepareStatementStrategy();
        for (String query : QUERIES) {
            for (int round = 0; round < 2; round++) {
                Exchange exchange = exchange(Map.of("OcpiObjectId", "B0000001", "OcpiLocationId", "LOC" + round, "At", round,
                        "Id", "S1", "Key", "k"), round == 0 ? null
                        : Map.of("cdr_id", "CDR1", "total_cost", 12.5));
                if (round == 0 && query.contains("cdr_id")) {
                    exchange.getMessage().setBody(Map.of("cdr_id", "CDR0", "total_cost", 1));
                }
                Object body = exchange.getMessage().getBody();
                String prepared = camels.prepareQuery(query, true, exchange);
                assertThat(kept.prepareQuery(query, true, exchange)).as(query).isEqualTo(prepared);
                int expected = (int) prepared.chars().filter(c -> c == '?').count();
                assertThat(list(kept.createPopulateIterator(query, prepared, expected, exchange, body))).as(query)
                        .isEqualTo(list(camels.createPopulateIterator(query, prepared, expected, exchange, body)));
            }
        }
    }

    @Test
    void aMissingParameterIsRefusedNamingIt() {
        PreparedQueries kept = new PreparedQueries();
        Exchange exchange = exchange(Map.of(), null);

        assertThatThrownBy(() -> list(kept.createPopulateIterator(QUERIES.get(1), "", 2, exchange, null)))
                .isInstanceOf(RuntimeExchangeException.class).hasMessageContaining("cdr_id");
    }

    @Test
    void aQueryWithAnInParameterIsLeftToCamel() throws Exception {
        PreparedQueries kept = new PreparedQueries();
        Exchange exchange = exchange(Map.of("Ids", List.of("a", "b", "c")), null);

        assertThat(kept.prepareQuery("SELECT 1 FROM t WHERE id IN (:?in:Ids)", true, exchange)).isEqualTo("SELECT 1 FROM t WHERE id IN (?,?,?)");
    }

    private static Exchange exchange(Map<String, Object> headers, Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static List<Object> list(Iterator<?> iterator) {
        List<Object> values = new java.util.ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }
}
