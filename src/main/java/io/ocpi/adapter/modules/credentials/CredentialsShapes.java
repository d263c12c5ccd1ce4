package io.ocpi.adapter.modules.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.BusinessDetails;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The credentials object as each OCPI version writes it. 2.2.1 and 2.3.0: a list of roles. 2.3.0 has no HUB role: a
 * hub names its own party in {@code hub_party_id} and lists the parties behind it as roles; its hub party becomes our
 * canonical HUB role, so that the peer is known as a hub as a 2.2.1 hub is. 2.3.0 may also list roles of modules this
 * adapter does not have, which are read past as its text says. 2.1.1: one flat party ({@link Credentials211}), in the
 * one role each side plays.
 */
@Component
public class CredentialsShapes {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsShapes.class);
    private static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toUnmodifiableSet());

    private final OcpiBodies bodies;

    public CredentialsShapes(OcpiBodies bodies) {
        this.bodies = bodies;
    }

    /** Our credentials as {@code version} writes them; in 2.1.1, our party of {@code ourRole} alone. */
    public Object write(Credentials ours, VersionNumber version, Role ourRole) {
        if (version != VersionNumber.V2_1_1) {
            return ours;
        }
        CredentialsRole party = ours.roles().stream().filter(role -> role.role() == ourRole).findFirst()
                .orElseThrow(() -> new IllegalStateException("this platform has no " + ourRole + " party in ocpi.roles"));
        return new Credentials211(ours.token(), ours.url(), party.businessDetails(), party.partyId(), party.countryCode());
    }

    /**
     * A peer's credentials object of {@code version}, read and validated (2001 naming the field otherwise); the party
     * of a 2.1.1 object becomes one role, {@code theirRole}.
     */
    public Credentials read(JsonNode wire, VersionNumber version, Role theirRole) {
        if (!(wire instanceof ObjectNode object)) {
            throw OcpiException.invalid("request body: must be a JSON object");
        }
        return switch (version) {
            case V2_1_1 -> {
                Credentials211 flat = bodies.convert(object, Credentials211.class);
                yield new Credentials(flat.token(), flat.url(),
                        List.of(new CredentialsRole(theirRole, flat.businessDetails(), flat.partyId(), flat.countryCode())));
            }
            case V2_3_0 -> withHub(bodies.convert(withKnownRoles(object), Credentials.class), object.get("hub_party_id"));
            case V2_2_1 -> bodies.convert(object, Credentials.class).requireRolesOf(version);
        };
    }

    /** The credentials with the hub party of 2.3.0's {@code hub_party_id} as a HUB role, named by that id. */
    private static Credentials withHub(Credentials credentials, JsonNode hubPartyId) {
        if (hubPartyId == null || hubPartyId.isNull()) {
            return credentials;
        }
        if (!hubPartyId.isTextual() || !hubPartyId.asText().matches("[A-Za-z]{2}[A-Za-z0-9]{3}")) {
            throw OcpiException.invalid("hub_party_id: must be a country code and a party id in one 5-character string, e.g. NLHUB");
        }
        String hub = hubPartyId.asText();
        List<CredentialsRole> roles = new java.util.ArrayList<>(credentials.roles());
        roles.add(new CredentialsRole(Role.HUB, new BusinessDetails(hub, null, null), hub.substring(2), hub.substring(0, 2)));
        return new Credentials(credentials.token(), credentials.url(), roles);
    }

    /** The object with the roles this adapter has no module for left out (2.3.0 lists PTP, for instance). */
    private static ObjectNode withKnownRoles(ObjectNode object) {
        if (!(object.get("roles") instanceof ArrayNode roles)) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        ArrayNode known = copy.putArray("roles");
        for (JsonNode role : roles) {
            if (role.path("role").isTextual() && !KNOWN_ROLES.contains(role.path("role").asText())) {
                LOG.info("a peer's 2.3.0 credentials list the role {} ({}*{}), which this adapter has no module for; read past",
                        role.path("role").asText(), role.path("country_code").asText(), role.path("party_id").asText());
            } else {
                known.add(role);
            }
        }
        return copy;
    }
}
