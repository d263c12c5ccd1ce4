package io.ocpi.adapter.modules.sessions.v211;

import static io.ocpi.adapter.protocol.WireFields211.isWhole;
import static io.ocpi.adapter.protocol.WireFields211.nearest;
import static io.ocpi.adapter.protocol.WireFields211.numberToPrice;
import static io.ocpi.adapter.protocol.WireFields211.owner;
import static io.ocpi.adapter.protocol.WireFields211.priceToNumber;
import static io.ocpi.adapter.protocol.WireFields211.removeOwner;
import static io.ocpi.adapter.protocol.WireFields211.rename;
import static io.ocpi.adapter.protocol.WireFields211.setOwner;
import static io.ocpi.adapter.protocol.WireFields211.untranslatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.v211.Cdrs211;
import io.ocpi.adapter.modules.locations.v211.Locations211;
import io.ocpi.adapter.modules.sessions.Session;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.store.ObjectStore;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 Session: {@code start_datetime} and {@code end_datetime} are the canonical {@code start_date_time}
 * and {@code end_date_time}, {@code auth_id} the canonical {@code cdr_token} (see {@link Cdrs211}), its whole
 * {@code location} the canonical {@code location_id}, {@code evse_uid} and {@code connector_id}, and its
 * {@code total_cost} a number excluding VAT. The authorization reference 2.2.1 added is not written in 2.1.1.
 */
@Component
public class SessionForm211 extends DeclaredWireForm {

    /** A session waiting for its reservation "has not yet started": the nearest 2.1.1 status. */
    private static final Map<String, String> STATUS_IN_211 = Map.of("RESERVATION", "PENDING");
    private static final String[] LOCATION_FIELDS = {"location_id", "evse_uid", "connector_id"};

    public SessionForm211(ObjectStore store) {
        super(Session.class, VersionNumber.V2_1_1, SessionForm211::fromV211, session -> toV211(session, store));
    }

    private static void fromV211(ObjectNode session, Parties parties) {
        if (isWhole(session, "id")) {
            setOwner(session, parties.from());
        }
        rename(session, "start_datetime", "start_date_time");
        rename(session, "end_datetime", "end_date_time");
        Cdrs211.authIdToCdrToken(session, parties.to());
        JsonNode location = session.remove("location");
        if (location != null) {
            session.set("location_id", location.get("id"));
            session.set("evse_uid", Cdrs211.evseOf(location).get("uid"));
            session.set("connector_id", Cdrs211.connectorOf(location).get("id"));
        }
        Cdrs211.chargingPeriodsToCanonical(session);
        numberToPrice(session, "total_cost");
    }

    /** The whole Location a 2.1.1 Session carries is the stored one. */
    @Override
    public java.util.Set<String> reads() {
        return java.util.Set.of(io.ocpi.adapter.ocpi.ModuleId.LOCATIONS);
    }

    private static void toV211(ObjectNode session, ObjectStore store) {
        session.remove("authorization_reference");
        rename(session, "start_date_time", "start_datetime");
        rename(session, "end_date_time", "end_datetime");
        Cdrs211.cdrTokenToAuthId(session);
        Cdrs211.authMethodToWire(session);
        nearest(session, "status", STATUS_IN_211);
        if (hasAny(session, LOCATION_FIELDS)) {
            if (!hasAll(session, LOCATION_FIELDS) || !session.hasNonNull("country_code") || !session.hasNonNull("party_id")) {
                throw untranslatable("location", "2.1.1 carries the whole Location: location_id, evse_uid, connector_id and the "
                        + "session's owner are all needed to find it");
            }
            ObjectNode location = Locations211.stored(store, owner(session), session.get("location_id").asText(),
                    session.get("evse_uid").asText(), session.get("connector_id").asText(), "location");
            for (String field : LOCATION_FIELDS) {
                session.remove(field);
            }
            session.set("location", Locations211.embeddedToWire(location, "location"));
        }
        Cdrs211.chargingPeriodsToWire(session);
        priceToNumber(session, "total_cost");
        removeOwner(session);
    }

    private static boolean hasAny(ObjectNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAll(ObjectNode node, String... fields) {
        for (String field : fields) {
            if (!node.hasNonNull(field)) {
                return false;
            }
        }
        return true;
    }
}
