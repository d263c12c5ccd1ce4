package io.ocpi.adapter.modules.hubclientinfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.push.PartiesBehindHubs;
import io.ocpi.adapter.registry.ConnectionStatus;
import io.ocpi.adapter.store.ObjectStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The parties behind hubs, as the hubs' ClientInfo pushes report them: which parties a hub reaches, and whether it
 * reaches them now (hubclientinfo, "Scenarios": no requests to a party that is not CONNECTED).
 */
@Component
public class HubParties implements PartiesBehindHubs {

    private final ObjectStore store;
    private final ObjectMapper json;

    public HubParties(ObjectStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Optional<ConnectionStatus> status(Party party) {
        return store.find(ObjectKey.of(ModuleId.HUB_CLIENT_INFO, party, ""))
                .map(text -> json.convertValue(readTree(text).path("status"), ConnectionStatus.class));
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored client info is no JSON: " + e.getMessage(), e);
        }
    }
}
