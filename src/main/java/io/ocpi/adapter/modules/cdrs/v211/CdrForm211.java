package io.ocpi.adapter.modules.cdrs.v211;

import static io.ocpi.adapter.protocol.WireFields211.eachObject;
import static io.ocpi.adapter.protocol.WireFields211.isWhole;
import static io.ocpi.adapter.protocol.WireFields211.numberToPrice;
import static io.ocpi.adapter.protocol.WireFields211.owner;
import static io.ocpi.adapter.protocol.WireFields211.priceToNumber;
import static io.ocpi.adapter.protocol.WireFields211.removeOwner;
import static io.ocpi.adapter.protocol.WireFields211.rename;
import static io.ocpi.adapter.protocol.WireFields211.setOwner;
import static io.ocpi.adapter.protocol.WireFields211.untranslatable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.cdrs.Cdr;
import io.ocpi.adapter.modules.locations.v211.Locations211;
import io.ocpi.adapter.modules.tariffs.v211.Tariffs211;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.store.ObjectStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 CDR. Its {@code stop_date_time} is the canonical {@code end_date_time}, its {@code auth_id} the
 * canonical {@code cdr_token} (see {@link Cdrs211}), its whole {@code location} the canonical {@code cdr_location},
 * its {@code total_cost} a number excluding VAT, and its tariffs 2.1.1 Tariffs of the CDR's owner. The cost breakdown,
 * the signed data and the references 2.2.1 added are not written in 2.1.1; a credit CDR cannot be, 2.1.1 has none.
 */
@Component
public class CdrForm211 extends DeclaredWireForm {

    /** Canonical fields 2.1.1 has no place for. */
    private static final List<String> FIELDS_NOT_IN_211 = List.of("session_id", "authorization_reference", "signed_data",
            "total_fixed_cost", "total_energy_cost", "total_time_cost", "total_parking_cost", "total_reservation_cost",
            "invoice_reference_id", "credit", "credit_reference_id", "home_charging_compensation");

    public CdrForm211(ObjectStore store) {
        super(Cdr.class, VersionNumber.V2_1_1, CdrForm211::fromV211, cdr -> toV211(cdr, store));
    }

    private static void fromV211(ObjectNode cdr, Parties parties) {
        if (isWhole(cdr, "id")) {
            setOwner(cdr, parties.from());
        }
        rename(cdr, "stop_date_time", "end_date_time");
        Cdrs211.authIdToCdrToken(cdr, parties.to());
        JsonNode location = cdr.remove("location");
        if (location != null) {
            cdr.set("cdr_location", cdrLocation(location));
        }
        eachObject(cdr, "tariffs", "", (tariff, at) -> Tariffs211.toCanonical(tariff, parties.from()));
        Cdrs211.chargingPeriodsToCanonical(cdr);
        numberToPrice(cdr, "total_cost");
    }

    /**
     * The canonical CdrLocation of the whole 2.1.1 Location a CDR carries, with only its EVSE and connector. The EVSE's
     * evse_id, optional in a 2.1.1 EVSE, is required of the EVSE of a CDR: the canonical CdrLocation names it.
     */
    private static ObjectNode cdrLocation(JsonNode location) {
        ObjectNode evse = Cdrs211.evseOf(location);
        ObjectNode connector = Cdrs211.connectorOf(location);
        if (!evse.hasNonNull("evse_id")) {
            throw OcpiException.invalid("location.evses[0].evse_id: must not be null in a CDR, which names its EVSE by it");
        }
        ObjectNode cdrLocation = location.deepCopy();
        cdrLocation.retain("id", "name", "address", "city", "postal_code", "country", "coordinates");
        cdrLocation.set("evse_uid", evse.get("uid"));
        cdrLocation.set("evse_id", evse.get("evse_id"));
        cdrLocation.set("connector_id", connector.get("id"));
        cdrLocation.set("connector_standard", connector.get("standard"));
        cdrLocation.set("connector_format", connector.get("format"));
        cdrLocation.set("connector_power_type", connector.get("power_type"));
        return cdrLocation;
    }

    /** The whole Location a 2.1.1 CDR carries is the stored one. */
    @Override
    public java.util.Set<String> reads() {
        return java.util.Set.of(io.ocpi.adapter.ocpi.ModuleId.LOCATIONS);
    }

    private static void toV211(ObjectNode cdr, ObjectStore store) {
        if (cdr.path("credit").asBoolean(false)) {
            throw untranslatable("credit", "2.1.1 has no credit CDRs");
        }
        FIELDS_NOT_IN_211.forEach(cdr::remove);
        rename(cdr, "end_date_time", "stop_date_time");
        Cdrs211.cdrTokenToAuthId(cdr);
        Cdrs211.authMethodToWire(cdr);
        JsonNode cdrLocation = cdr.remove("cdr_location");
        if (cdrLocation != null) {
            cdr.set("location", location(store, cdr, cdrLocation));
        }
        eachObject(cdr, "tariffs", "", Tariffs211::toWire);
        Cdrs211.chargingPeriodsToWire(cdr);
        priceToNumber(cdr, "total_cost");
        removeOwner(cdr);
    }

    /**
     * The whole 2.1.1 Location of a CDR: the stored Location of the CDR's owner reduced to the CDR's EVSE and connector,
     * with the address, EVSE and connector as the CDR recorded them (the stored location may have changed since).
     */
    private static ObjectNode location(ObjectStore store, ObjectNode cdr, JsonNode cdrLocation) {
        ObjectNode location = Locations211.stored(store, owner(cdr), cdrLocation.path("id").asText(),
                cdrLocation.path("evse_uid").asText(), cdrLocation.path("connector_id").asText(), "cdr_location");
        for (String field : List.of("name", "address", "city", "postal_code", "state", "country", "coordinates")) {
            if (cdrLocation.has(field)) {
                location.set(field, cdrLocation.get(field));
            } else {
                location.remove(field);
            }
        }
        ObjectNode evse = (ObjectNode) location.get("evses").get(0);
        evse.set("evse_id", cdrLocation.get("evse_id"));
        ObjectNode connector = (ObjectNode) evse.get("connectors").get(0);
        connector.set("standard", cdrLocation.get("connector_standard"));
        connector.set("format", cdrLocation.get("connector_format"));
        connector.set("power_type", cdrLocation.get("connector_power_type"));
        return Locations211.embeddedToWire(location, "cdr_location");
    }
}
