package io.ocpi.adapter.modules.sessions;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.Platform;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Our sessions as a CPO, as the modules that act on them for an eMSP (commands, charging profiles) find them. */
@Component
public class OurSessions {

    private final OwnedObjects objects;
    private final Platform platform;

    public OurSessions(OwnedObjects objects, Platform platform) {
        this.objects = objects;
        this.platform = platform;
    }

    /**
     * The eMSP of one of our sessions (the party of its token), when the caller may act on it: that eMSP, or a hub.
     * Another eMSP's session is as unknown to the caller as one that does not exist.
     */
    public Optional<Party> emspFor(Caller caller, String sessionId) {
        return objects.findOurs(ModuleId.SESSIONS, platform.parties(Role.CPO), sessionId, "")
                .map(objects::object)
                .map(session -> new Party(session.path("cdr_token").path("country_code").asText(),
                        session.path("cdr_token").path("party_id").asText()))
                .filter(emsp -> platform.isHub(caller) || platform.partiesOf(caller).contains(emsp));
    }
}
