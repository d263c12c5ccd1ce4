package io.ocpi.adapter.objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiDateTime;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import io.ocpi.adapter.protocol.WireForms;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.support.AdapterInstance;
import io.ocpi.adapter.support.AdapterInstance.Reply;
import io.ocpi.adapter.support.PeerPlatform;
import io.ocpi.adapter.support.Samples;
import io.ocpi.adapter.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sender lists served from memory: the same pages as the store gives, in every version, and every write, delete and
 * write of another instance on the same database seen by the next request.
 */
class SenderSnapshotsTest {

    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final Party CPO = new Party("NL", "ADC");
    static final String LOCATIONS = "/ocpi/cpo/2.2.1/locations";
    static PeerPlatform platform;
    static AdapterInstance twin;

    @BeforeAll
    static void start() {
        System.out.println("SenderSnapshotsTest runs on " + TestDatabase.kind());
        platform = PeerPlatform.start("snapshots");
        // 40 locations, three to a second and published out of order, so that the order within one last_updated counts.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(7));
        for (int i : order) {
            platform.publish("locations", location("L%02d".formatted(i), EPOCH.plusSeconds(i / 3)));
        }
        twin = AdapterInstance.start("snapshots-twin", "NL", "AD", new HashMap<>(platform.adapter.settings()));
    }

    @AfterAll
    static void stop() {
        twin.close();
        platform.close();
    }

    @Test
    void pagesAreTheStoresPagesWithTheirTotals() {
        ObjectStore store = platform.adapter.bean(ObjectStore.class);
        SenderSnapshots snapshots = platform.adapter.bean(SenderSnapshots.class);
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            Instant from = random.nextBoolean() ? null : EPOCH.plusSeconds(random.nextInt(16)).plusMillis(random.nextBoolean() ? 0 : 500);
            Instant to = random.nextInt(3) > 0 ? null : EPOCH.plusSeconds(random.nextInt(16));
            PageRequest request = new PageRequest(random.nextInt(45), 1 + random.nextInt(12), from, to, Map.of(), VersionNumber.CANONICAL);
            Page<String> stored = store.page(ModuleId.LOCATIONS, List.of(CPO), null, request);
            Page<byte[]> held = snapshots.page(ModuleId.LOCATIONS, Location.class, List.of(CPO), null, request).orElseThrow();
            assertThat(held.items().stream().map(String::new).toList()).as(request.toString()).isEqualTo(stored.items());
            assertThat(held.total()).as(request.toString()).isEqualTo(stored.total());
        }
    }

    @Test
    void aPeerPagesInOrderWithTotalAndNextLink() {
        Reply first = platform.call("GET", LOCATIONS + "?limit=7&date_from=2024-01-01T00:00:03Z&date_to=2024-01-01T00:00:10Z", null).assertStatus(200);
        assertThat(first.ocpiStatus()).isEqualTo(1000);
        assertThat(first.json().get("timestamp").asText()).isNotBlank();
        // Seconds 3 to 9: locations 9 to 29, by last_updated and then id.
        assertThat(ids(first.data())).containsExactly("L09", "L10", "L11", "L12", "L13", "L14", "L15");
        assertThat(first.header("X-Total-Count")).isEqualTo("21");
        assertThat(first.header("Link")).contains("offset=7").contains("limit=7").contains("date_from=").contains("date_to=");
        Reply last = platform.call("GET", LOCATIONS + "?offset=14&limit=7&date_from=2024-01-01T00:00:03Z&date_to=2024-01-01T00:00:10Z", null);
        assertThat(ids(last.data())).containsExactly("L23", "L24", "L25", "L26", "L27", "L28", "L29");
        assertThat(last.header("Link")).isNull();
        Reply beyond = platform.call("GET", LOCATIONS + "?offset=500", null);
        assertThat(beyond.data()).isEmpty();
    }

    @Test
    void aWriteIsOnTheNextPageAndADeleteIsGone() {
        platform.call("GET", LOCATIONS + "?limit=1000", null).assertStatus(200);
        platform.publish("locations", location("W01", EPOCH.plusSeconds(1000)));
        Reply written = platform.call("GET", LOCATIONS + "?date_from=2024-01-01T00:16:00Z", null);
        assertThat(ids(written.data())).containsExactly("W01");
        assertThat(written.header("X-Total-Count")).isEqualTo("1");

        platform.publish("locations", location("W01", EPOCH.plusSeconds(1001)).replace("Stationsplein 1", "Stationsplein 2"));
        Reply changed = platform.call("GET", LOCATIONS + "?date_from=2024-01-01T00:16:00Z", null);
        assertThat(changed.data()).hasSize(1);
        assertThat(changed.data().get(0).get("address").asText()).isEqualTo("Stationsplein 2");

        platform.adapter.bean(ObjectStore.class).delete(ObjectKey.of(ModuleId.LOCATIONS, CPO, "W01"));
        Reply deleted = platform.call("GET", LOCATIONS + "?date_from=2024-01-01T00:16:00Z", null);
        assertThat(deleted.data()).isEmpty();
        assertThat(deleted.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void anotherInstancesWritesAreOnTheNextPage() {
        String window = LOCATIONS + "?date_from=2024-01-01T01:00:00Z";
        assertThat(twin.ocpi("GET", window, platform.token, null).data()).isEmpty();
        platform.publish("locations", location("T01", EPOCH.plusSeconds(3600)));
        assertThat(ids(twin.ocpi("GET", window, platform.token, null).data())).containsExactly("T01");

        twin.bean(org.apache.camel.CamelContext.class).createProducerTemplate().requestBody("direct:ocpi.locations.publish",
                location("T02", EPOCH.plusSeconds(3601)).getBytes(java.nio.charset.StandardCharsets.UTF_8), String.class);
        assertThat(ids(platform.call("GET", window, null).data())).containsExactly("T01", "T02");

        twin.bean(ObjectStore.class).delete(ObjectKey.of(ModuleId.LOCATIONS, CPO, "T01"));
        assertThat(ids(platform.call("GET", window, null).data())).containsExactly("T02");
        platform.publish("locations", location("T02", EPOCH.plusSeconds(3602)).replace("Stationsplein 1", "Stationsplein 3"));
        JsonNode page = twin.ocpi("GET", window, platform.token, null).data();
        assertThat(ids(page)).containsExactly("T02");
        assertThat(page.get(0).get("address").asText()).isEqualTo("Stationsplein 3");
    }

    @Test
    void sessionsOnlyForTheCallersEmspsAndEachVersionInItsForm() throws Exception {
        platform.publish("locations", location("LOC1", EPOCH).replace("LOC1-E1", "EVSE1"));
        platform.publish("sessions", Samples.session("ADC", "S1", "TNM", "2024-02-01T00:00:00Z"));
        platform.publish("sessions", Samples.session("ADC", "S2", "XYZ", "2024-02-01T00:00:01Z"));
        platform.publish("sessions", Samples.session("ADC", "S3", "PMS", "2024-02-01T00:00:02Z"));
        Reply theirs = platform.call("GET", "/ocpi/cpo/2.2.1/sessions", null).assertStatus(200);
        assertThat(ids(theirs.data())).containsExactly("S1", "S3");
        assertThat(theirs.header("X-Total-Count")).isEqualTo("2");
        assertThat(ids(platform.call("GET", "/ocpi/cpo/2.2.1/sessions?date_from=2024-02-01T00:00:01Z", null).data())).containsExactly("S3");

        SenderSnapshots snapshots = platform.adapter.bean(SenderSnapshots.class);
        WireForms forms = platform.adapter.bean(WireForms.class);
        ObjectStore store = platform.adapter.bean(ObjectStore.class);
        for (VersionNumber version : VersionNumber.values()) {
            PageRequest request = new PageRequest(0, 1000, null, null, Map.of(), version);
            Page<byte[]> locations = snapshots.page(ModuleId.LOCATIONS, Location.class, List.of(CPO), null, request).orElseThrow();
            assertThat(locations.items()).hasSizeGreaterThanOrEqualTo(40);
            for (byte[] item : locations.items()) {
                JsonNode held = AdapterInstance.JSON.readTree(item);
                // 2.1.1 Locations carry no owner: the held ones are all ours.
                String id = held.get("id").asText();
                JsonNode stored = AdapterInstance.JSON.readTree(store.find(ObjectKey.of(ModuleId.LOCATIONS, CPO, id)).orElseThrow());
                assertThat(held).as(version + " " + id).isEqualTo(forms.toWire(Location.class, version, stored));
            }
            Page<byte[]> sessions = snapshots.page(ModuleId.SESSIONS, Session.class, List.of(CPO), List.of(new Party("NL", "TNM")), request)
                    .orElseThrow();
            assertThat(sessions.items()).hasSize(1);
            JsonNode stored = AdapterInstance.JSON.readTree(store.find(ObjectKey.of(ModuleId.SESSIONS, CPO, "S1")).orElseThrow());
            assertThat(AdapterInstance.JSON.readTree(sessions.items().get(0))).as(version.text())
                    .isEqualTo(forms.toWire(Session.class, version, stored));
        }

        // A 2.1.1 session carries its stored location: a change of the location is in the next page of sessions.
        PageRequest in211 = new PageRequest(0, 10, null, null, Map.of(), VersionNumber.V2_1_1);
        List<Party> tnm = List.of(new Party("NL", "TNM"));
        JsonNode before = AdapterInstance.JSON.readTree(snapshots.page(ModuleId.SESSIONS, Session.class, List.of(CPO), tnm, in211).orElseThrow().items().get(0));
        assertThat(before.at("/location/address").asText()).isEqualTo("Stationsplein 1");
        platform.publish("locations", location("LOC1", EPOCH.plusSeconds(1)).replace("LOC1-E1", "EVSE1").replace("Stationsplein 1", "Neude 5"));
        JsonNode after = AdapterInstance.JSON.readTree(snapshots.page(ModuleId.SESSIONS, Session.class, List.of(CPO), tnm, in211).orElseThrow().items().get(0));
        assertThat(after.at("/location/address").asText()).isEqualTo("Neude 5");
    }

    @Test
    void anObjectAVersionCannotCarryIsLeftOutOfThatVersionsPagesOnly() throws Exception {
        // 2.1.1 requires a Location's postal code; 2.2.1 and 2.3.0 do not.
        platform.publish("locations", Samples.location("NOPOSTAL", "2023-12-31T00:00:00Z"));
        SenderSnapshots snapshots = platform.adapter.bean(SenderSnapshots.class);
        try {
            for (VersionNumber version : VersionNumber.values()) {
                PageRequest request = new PageRequest(0, 1000, null, null, Map.of(), version);
                List<String> held = new ArrayList<>();
                for (byte[] item : snapshots.page(ModuleId.LOCATIONS, Location.class, List.of(CPO), null, request).orElseThrow().items()) {
                    held.add(AdapterInstance.JSON.readTree(item).get("id").asText());
                }
                assertThat(held).as(version.text()).hasSizeGreaterThanOrEqualTo(40).contains("L00", "L39");
                if (version == VersionNumber.V2_1_1) {
                    assertThat(held).doesNotContain("NOPOSTAL");
                } else {
                    assertThat(held).contains("NOPOSTAL");
                }
            }
        } finally {
            platform.adapter.bean(ObjectStore.class).delete(ObjectKey.of(ModuleId.LOCATIONS, CPO, "NOPOSTAL"));
        }
    }

    @Test
    void aModuleOfMoreObjectsThanHeldIsPagedFromTheStore() {
        try (AdapterInstance small = AdapterInstance.start("snapshots-small", "NL", "AD",
                withSetting(platform.adapter.settings(), "ocpi.pagination.held-objects", 10))) {
            PageRequest request = new PageRequest(0, 5, null, null, Map.of(), VersionNumber.CANONICAL);
            assertThat(small.bean(SenderSnapshots.class).page(ModuleId.LOCATIONS, Location.class, List.of(CPO), null, request)).isEmpty();
            Reply page = small.ocpi("GET", LOCATIONS + "?limit=5&date_from=2024-01-01T00:00:02Z", platform.token, null).assertStatus(200);
            assertThat(ids(page.data())).containsExactly("L06", "L07", "L08", "L09", "L10");
            assertThat(Long.parseLong(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(34);
        }
    }

    private static Map<String, Object> withSetting(Map<String, Object> settings, String name, Object value) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(name, value);
        return all;
    }

    private static String location(String id, Instant lastUpdated) {
        // With a postal code, which 2.1.1 requires.
        return Samples.location(id, OcpiDateTime.format(lastUpdated)).replace("\"city\":", "\"postal_code\":\"3511 CE\",\"city\":");
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(item -> item.get("id").asText()).toList();
    }
}
