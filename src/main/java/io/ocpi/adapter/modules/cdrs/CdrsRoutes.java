package io.ocpi.adapter.modules.cdrs;

import static io.ocpi.adapter.modules.cdrs.CdrsModule.KIND;

import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.store.ObjectStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CDRs module in both roles: as a CPO we serve our charge detail records (Sender), as an eMSP we receive the
 * CPOs' (Receiver). CDRs are immutable: a CDR posted twice is stored and handed to billing once, and the second
 * POST is answered like the first.
 */
@Component
public class CdrsRoutes extends OcpiRouteBuilder {

    public static final String SENDER = OcpiUrls.cpo(ModuleId.CDRS);
    public static final String RECEIVER = OcpiUrls.emsp(ModuleId.CDRS);

    private final OwnedObjects objects;
    private final ObjectStore store;
    private final Pagination pagination;
    private final Platform platform;
    private final OcpiUrls urls;
    private final TransactionTemplate transaction;

    public CdrsRoutes(OwnedObjects objects, ObjectStore store, Pagination pagination, Platform platform, OcpiUrls urls,
                      TransactionTemplate transaction) {
        this.objects = objects;
        this.store = store;
        this.pagination = pagination;
        this.platform = platform;
        this.urls = urls;
        this.transaction = transaction;
    }

    @Override
    public void configure() {
        rest(SENDER).get().to("direct:cdrs-sender-list");
        rest(RECEIVER)
                .post().to("direct:cdrs-receiver-post")
                .get("/{country_code}/{party_id}/{cdr_id}").to("direct:cdrs-receiver-get");

        moduleRoute("cdrs-sender-list", Role.CPO)
                .answer((caller, e) -> objects.list(ModuleId.CDRS, SENDER, platform.parties(Role.CPO),
                        platform.isHub(caller) ? null : platform.partiesOf(caller), pagination.request(e)));

        moduleRoute("cdrs-receiver-post", Role.EMSP)
                .answer(Cdr.class, (caller, cdr, e) -> receive(caller, cdr, OcpiExchange.version(e)));
        moduleRoute("cdrs-receiver-get", Role.EMSP)
                .answer((caller, e) -> objects.get(caller, key(e, ModuleId.CDRS, "cdr_id")));

        input(ModuleId.CDRS, "publish")
                .process(e -> e.getMessage().setBody(objects.write(objects.publish(KIND, Role.CPO, e.getIn().getBody(byte[].class)))));
    }

    /** Stores a CDR once, announces it once, and answers where it can be read back (the Location header). */
    private OcpiResult receive(Caller caller, Cdr cdr, VersionNumber version) {
        Party owner = Party.of(cdr);
        platform.requireOwner(caller, owner);
        ObjectKey key = ObjectKey.of(ModuleId.CDRS, owner, cdr.id());
        String text = objects.write(cdr);
        boolean created = transaction.execute(tx -> {
            boolean isNew = store.putIfAbsent(key, cdr.lastUpdated(), KIND.concerns().apply(cdr), text);
            if (isNew) {
                objects.announceReceived(caller, ModuleId.CDRS, key, text, "POST");
            }
            return isNew;
        });
        String location = urls.of(OcpiUrls.in(version, RECEIVER) + "/" + owner.countryCode() + "/" + owner.partyId() + "/" + OcpiUrls.segment(cdr.id()));
        return (created ? OcpiResult.created(null) : OcpiResult.ok(null)).withHeader("Location", location);
    }
}
