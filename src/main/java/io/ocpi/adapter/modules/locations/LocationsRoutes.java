package io.ocpi.adapter.modules.locations;

import static io.ocpi.adapter.modules.locations.LocationsModule.KIND;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RawJson;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The locations module in both roles: as a CPO we serve our charge points (Sender), as an eMSP we keep what CPOs
 * push to us (Receiver), down to EVSE and connector level.
 */
@Component
public class LocationsRoutes extends OcpiRouteBuilder {

    public static final String SENDER = OcpiUrls.cpo(ModuleId.LOCATIONS);
    public static final String RECEIVER = OcpiUrls.emsp(ModuleId.LOCATIONS);
    public static final String EVSE_UID = "OcpiEvseUid";
    public static final String CONNECTOR_ID = "OcpiConnectorId";

    private final OwnedObjects objects;
    private final ReceivedLocations received;
    private final OurLocations ourLocations;
    private final Pagination pagination;
    private final Platform platform;

    public LocationsRoutes(OwnedObjects objects, ReceivedLocations received, OurLocations ours, Pagination pagination, Platform platform) {
        this.objects = objects;
        this.received = received;
        this.ourLocations = ours;
        this.pagination = pagination;
        this.platform = platform;
    }

    @Override
    public void configure() {
        rest(SENDER)
                .get().to("direct:locations-sender-list")
                .get("/{location_id}").to("direct:locations-sender-get-location")
                .get("/{location_id}/{evse_uid}").to("direct:locations-sender-get-evse")
                .get("/{location_id}/{evse_uid}/{connector_id}").to("direct:locations-sender-get-connector");

        String location = "/{country_code}/{party_id}/{location_id}";
        String evse = location + "/{evse_uid}";
        String connector = evse + "/{connector_id}";
        rest(RECEIVER)
                .get(location).to("direct:locations-receiver-get-location")
                .get(evse).to("direct:locations-receiver-get-evse")
                .get(connector).to("direct:locations-receiver-get-connector")
                .put(location).to("direct:locations-receiver-put-location")
                .put(evse).to("direct:locations-receiver-put-evse")
                .put(connector).to("direct:locations-receiver-put-connector")
                .patch(location).to("direct:locations-receiver-patch-location")
                .patch(evse).to("direct:locations-receiver-patch-evse")
                .patch(connector).to("direct:locations-receiver-patch-connector");

        // Sender: our own charge points, as a CPO.
        moduleRoute("locations-sender-list", Role.CPO)
                .answer((caller, e) -> objects.list(ModuleId.LOCATIONS, SENDER, platform.parties(Role.CPO), null, pagination.request(e)));
        moduleRoute("locations-sender-get-location", Role.CPO)
                .answer((caller, e) -> new RawJson(objects.write(ours(e).location()), Location.class));
        moduleRoute("locations-sender-get-evse", Role.CPO)
                .answer((caller, e) -> new RawJson(objects.write(ours(e).requireEvse(param(e, "evse_uid"))), Evse.class));
        moduleRoute("locations-sender-get-connector", Role.CPO)
                .answer((caller, e) -> new RawJson(objects.write(ours(e).requireConnector(param(e, "evse_uid"), param(e, "connector_id"))), Connector.class));

        // Receiver: what CPOs push to us, as an eMSP.
        moduleRoute("locations-receiver-get-location", Role.EMSP)
                .answer((caller, e) -> objects.get(caller, key(e, ModuleId.LOCATIONS, "location_id")));
        moduleRoute("locations-receiver-get-evse", Role.EMSP)
                .answer((caller, e) -> received.getEvse(caller, owner(e), param(e, "location_id"), param(e, "evse_uid")));
        moduleRoute("locations-receiver-get-connector", Role.EMSP)
                .answer((caller, e) -> received.getConnector(caller, owner(e), param(e, "location_id"), param(e, "evse_uid"),
                        param(e, "connector_id")));
        moduleRoute("locations-receiver-put-location", Role.EMSP)
                .answer((caller, e) -> objects.put(caller, KIND, key(e, ModuleId.LOCATIONS, "location_id"), body(e)));
        moduleRoute("locations-receiver-put-evse", Role.EMSP)
                .answer((caller, e) -> received.putEvse(caller, owner(e), param(e, "location_id"), param(e, "evse_uid"), body(e)));
        moduleRoute("locations-receiver-put-connector", Role.EMSP)
                .answer((caller, e) -> received.putConnector(caller, owner(e), param(e, "location_id"), param(e, "evse_uid"),
                        param(e, "connector_id"), body(e)));
        moduleRoute("locations-receiver-patch-location", Role.EMSP)
                .answer((caller, e) -> objects.patch(caller, KIND, key(e, ModuleId.LOCATIONS, "location_id"), body(e)));
        moduleRoute("locations-receiver-patch-evse", Role.EMSP)
                .answer((caller, e) -> received.patchEvse(caller, owner(e), param(e, "location_id"), param(e, "evse_uid"), body(e)));
        moduleRoute("locations-receiver-patch-connector", Role.EMSP)
                .answer((caller, e) -> received.patchConnector(caller, owner(e), param(e, "location_id"), param(e, "evse_uid"),
                        param(e, "connector_id"), body(e)));

        // Our own locations, handed in by enterprise routes (assets database, charge point management system).
        // A partial change to one of our locations: headers name the location and, if any, the EVSE and connector.
        input(ModuleId.LOCATIONS, "update")
                .process(e -> e.getMessage().setBody(ourLocations.update(e.getIn().getHeader(OcpiEvents.OBJECT_ID, String.class),
                        e.getIn().getHeader(EVSE_UID, String.class), e.getIn().getHeader(CONNECTOR_ID, String.class),
                        e.getIn().getBody(byte[].class))));

        input(ModuleId.LOCATIONS, "publish")
                .process(e -> e.getMessage().setBody(objects.write(objects.publish(KIND, Role.CPO, e.getIn().getBody(byte[].class)))));
    }

    private LocationTree ours(Exchange e) {
        String id = param(e, "location_id");
        return objects.findOurs(ModuleId.LOCATIONS, platform.parties(Role.CPO), id, "")
                .map(text -> new LocationTree(objects.object(text)))
                .orElseThrow(() -> OcpiException.notFound("unknown location " + id));
    }
}
