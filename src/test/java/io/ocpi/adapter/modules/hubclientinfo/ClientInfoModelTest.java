package io.ocpi.adapter.modules.hubclientinfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiJson;
import io.ocpi.adapter.registry.ConnectionStatus;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ClientInfo as a hub writes it and a connected party reads it. */
class ClientInfoModelTest {

    private final ObjectMapper mapper = OcpiJson.newMapper();
    private final OcpiBodies bodies = new OcpiBodies(mapper);

    private static final String VALID = """
            {
              "party_id": "ABC",
              "country_code": "NL",
              "role": "EMSP",
              "status": "CONNECTED",
              "last_updated": "2019-06-24T12:39:09Z"
            }
            """;

    @Test
    void roundTrips() throws IOException {
        ClientInfo info = bodies.read(VALID.getBytes(), ClientInfo.class);

        assertThat(info).isEqualTo(new ClientInfo("ABC", "NL", Role.EMSP, ConnectionStatus.CONNECTED,
                Instant.parse("2019-06-24T12:39:09Z")));
        assertThat(mapper.readTree(mapper.writeValueAsBytes(info))).isEqualTo(mapper.readTree(VALID));
    }

    @Test
    void refusesAMissingLastUpdated() throws IOException {
        ObjectNode body = (ObjectNode) mapper.readTree(VALID);
        body.remove("last_updated");

        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(body), ClientInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("last_updated: must not be null");
    }

    @Test
    void refusesAnUnknownStatusAndAnOverlongPartyId() throws IOException {
        ObjectNode unknownStatus = ((ObjectNode) mapper.readTree(VALID)).put("status", "ONLINE");
        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(unknownStatus), ClientInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("status: unknown value 'ONLINE'");

        ObjectNode longPartyId = ((ObjectNode) mapper.readTree(VALID)).put("party_id", "ABCD");
        assertThatThrownBy(() -> bodies.read(mapper.writeValueAsBytes(longPartyId), ClientInfo.class))
                .isInstanceOf(OcpiException.class)
                .hasMessageContaining("party_id: size must be between 0 and 3");
    }
}
