package io.ocpi.adapter.modules.tokens.v211;

import static io.ocpi.adapter.protocol.WireFields211.isWhole;
import static io.ocpi.adapter.protocol.WireFields211.invalid;
import static io.ocpi.adapter.protocol.WireFields211.removeOwner;
import static io.ocpi.adapter.protocol.WireFields211.rename;
import static io.ocpi.adapter.protocol.WireFields211.setOwner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import java.util.List;
import java.util.Set;

/**
 * OCPI 2.1.1 Tokens to and from the canonical form, for the tokens module's form and for the tokens 2.1.1 commands
 * carry: {@code auth_id} is the canonical {@code contract_id}, and 2.1.1 knows only RFID and OTHER tokens (a 2.1.1 body
 * with another type is refused). Each translation changes the object it is given, in place, and returns it.
 */
public final class Tokens211 {

    /** The token types of 2.1.1; every other one (app and ad-hoc users, eMAIDs, ...) is "other type of token" to it. */
    private static final Set<String> TYPES_IN_211 = Set.of("RFID", "OTHER");
    /** Canonical fields 2.1.1 has no place for. */
    private static final List<String> FIELDS_NOT_IN_211 = List.of("group_id", "default_profile_type", "energy_contract");

    private Tokens211() {
    }

    /** A 2.1.1 Token issued by {@code owner}, whole (it has its {@code uid}) or partial, in the canonical form. */
    public static ObjectNode toCanonical(ObjectNode token, Party owner) {
        if (isWhole(token, "uid")) {
            setOwner(token, owner);
        }
        rename(token, "auth_id", "contract_id");
        JsonNode type = token.get("type");
        if (type != null && !TYPES_IN_211.contains(type.asText())) {
            throw invalid("type", "unknown value '" + type.asText() + "', expected one of " + TYPES_IN_211);
        }
        return token;
    }

    public static ObjectNode toWire(ObjectNode token) {
        removeOwner(token);
        FIELDS_NOT_IN_211.forEach(token::remove);
        rename(token, "contract_id", "auth_id");
        if (token.has("type") && !TYPES_IN_211.contains(token.get("type").asText())) {
            token.put("type", "OTHER");
        }
        return token;
    }

    /** A 2.1.1 LocationReferences without its {@code connector_ids}: 2.2.1 authorizes per EVSE. */
    public static ObjectNode locationReferencesToCanonical(ObjectNode references) {
        references.remove("connector_ids");
        return references;
    }
}
