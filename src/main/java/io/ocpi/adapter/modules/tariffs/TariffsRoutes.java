package io.ocpi.adapter.modules.tariffs;

import static io.ocpi.adapter.modules.tariffs.TariffsModule.KIND;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Platform;
import org.springframework.stereotype.Component;

/**
 * The tariffs module in both roles: as a CPO we serve our tariffs (Sender), as an eMSP we keep the CPOs' (Receiver).
 * Since 2.2.1 tariffs have no PATCH: a changed tariff is PUT whole. OCPI 2.1.1's eMSP interface has one
 * (mod_tariffs.md 2.2.3), served at 2.1.1 paths only.
 */
@Component
public class TariffsRoutes extends OcpiRouteBuilder {

    public static final String SENDER = OcpiUrls.cpo(ModuleId.TARIFFS);
    public static final String RECEIVER = OcpiUrls.emsp(ModuleId.TARIFFS);

    private final OwnedObjects objects;
    private final Pagination pagination;
    private final Platform platform;

    public TariffsRoutes(OwnedObjects objects, Pagination pagination, Platform platform) {
        this.objects = objects;
        this.pagination = pagination;
        this.platform = platform;
    }

    @Override
    public void configure() {
        rest(SENDER).get().to("direct:tariffs-sender-list");
        String tariff = "/{country_code}/{party_id}/{tariff_id}";
        rest(RECEIVER)
                .get(tariff).to("direct:tariffs-receiver-get")
                .put(tariff).to("direct:tariffs-receiver-put")
                .patch(tariff).to("direct:tariffs-receiver-patch")
                .delete(tariff).to("direct:tariffs-receiver-delete");

        moduleRoute("tariffs-sender-list", Role.CPO)
                .answer((caller, e) -> objects.list(ModuleId.TARIFFS, SENDER, platform.parties(Role.CPO), null, pagination.request(e)));

        moduleRoute("tariffs-receiver-get", Role.EMSP)
                .answer((caller, e) -> objects.get(caller, key(e, ModuleId.TARIFFS, "tariff_id")));
        moduleRoute("tariffs-receiver-put", Role.EMSP)
                .answer((caller, e) -> objects.put(caller, KIND, key(e, ModuleId.TARIFFS, "tariff_id"), body(e)));
        moduleRoute("tariffs-receiver-patch", Role.EMSP)
                .answer((caller, e) -> {
                    if (OcpiExchange.version(e) != VersionNumber.V2_1_1) {
                        throw OcpiException.methodNotAllowed("tariffs have no PATCH in OCPI " + OcpiExchange.version(e) + ": PUT the whole tariff");
                    }
                    return objects.patch(caller, KIND, key(e, ModuleId.TARIFFS, "tariff_id"), body(e));
                });
        moduleRoute("tariffs-receiver-delete", Role.EMSP)
                .answer((caller, e) -> objects.delete(caller, ModuleId.TARIFFS, key(e, ModuleId.TARIFFS, "tariff_id")));

        input(ModuleId.TARIFFS, "publish")
                .process(e -> e.getMessage().setBody(objects.write(objects.publish(KIND, Role.CPO, e.getIn().getBody(byte[].class)))));
    }
}
