package io.ocpi.adapter.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.client.PeerCredential;
import io.ocpi.adapter.protocol.client.PeerLists;
import io.ocpi.adapter.registry.TokenEncoding;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Several thousand tokens, paged: all pages together are the whole set exactly once, with and without date filters. */
class PaginationScaleTest {

    static final int COUNT = 3000;
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static PeerPlatform platform;

    @BeforeAll
    static void start() {
        System.out.println("PaginationScaleTest runs on " + TestDatabase.kind());
        platform = PeerPlatform.start("pagination", Map.of("ocpi.pagination.max-limit", 250));
        ObjectStore store = platform.adapter.bean(ObjectStore.class);
        Party ours = new Party("NL", "ADE");
        for (int i = 0; i < COUNT; i++) {
            // Ten tokens share each second, so that the order within one last_updated is tested too.
            Instant updated = EPOCH.plusSeconds(i / 10);
            String uid = "CARD" + i;
            store.put(new ObjectKey("tokens", ours, uid, "RFID"), updated, null,
                    Samples.token(uid, true, io.ocpi.adapter.protocol.OcpiDateTime.format(updated)));
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    List<String> pull(String query) {
        List<String> uids = new ArrayList<>();
        platform.adapter.bean(PeerLists.class).pullAll(platform.adapter.baseUrl() + "/ocpi/emsp/2.2.1/tokens" + query,
                new PeerCredential(platform.token, TokenEncoding.BASE64), JsonNode.class, Map.of(),
                page -> page.forEach(token -> uids.add(token.get("uid").asText())));
        return uids;
    }

    @Test
    void everyTokenExactlyOnce() {
        List<String> all = pull("?limit=1000");
        assertThat(all).hasSize(COUNT);
        assertThat(new HashSet<>(all)).hasSize(COUNT);
    }

    @Test
    void aDateWindowGivesExactlyItsTokens() {
        // Seconds 100 (inclusive) to 200 (exclusive): tokens 1000 to 1999.
        List<String> window = pull("?date_from=2024-01-01T00:01:40Z&date_to=2024-01-01T00:03:20Z&limit=77");
        Set<String> expected = new HashSet<>();
        for (int i = 1000; i < 2000; i++) {
            expected.add("CARD" + i);
        }
        assertThat(window).hasSize(1000);
        assertThat(new HashSet<>(window)).isEqualTo(expected);
    }
}
