package io.ocpi.adapter.modules.payments;

import io.ocpi.adapter.objects.ObjectChanges;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.OcpiStatus;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RawJson;
import io.ocpi.adapter.protocol.RoutingHeaders;
import io.ocpi.adapter.store.ObjectStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our Receiver side of the payments module: the terminals and financial advice confirmations a PTP creates in our
 * system. Both are the PTP's: kept in the store under the PTP's party and their own id, one object per id, a POST of
 * a known id replacing it; each POST is announced to the routes that listen
 * ({@code direct:ocpi.payments.terminals.received}, {@code direct:ocpi.payments.financial-advice-confirmations.received}).
 * The URLs carry no owner, so the owner is the party the request's routing headers name, or else the caller's PTP.
 */
@Component
public class Payments {

    /** What one kind of payments object is: its path below the module, its store type and the event announcing it. */
    enum Type {
        TERMINALS("terminals", "TERMINAL"),
        FINANCIAL_ADVICE_CONFIRMATIONS("financial-advice-confirmations", "CONFIRMATION");

        final String path;
        final String storeType;

        Type(String path, String storeType) {
            this.path = path;
            this.storeType = storeType;
        }

        /** The news event: {@code terminals.received}, {@code financial-advice-confirmations.received}. */
        String received() {
            return path + ".received";
        }
    }

    private final ObjectStore store;
    private final OwnedObjects objects;
    private final Platform platform;
    private final TransactionTemplate transaction;
    private final ObjectChanges changes;

    public Payments(ObjectStore store, OwnedObjects objects, Platform platform, TransactionTemplate transaction, ObjectChanges changes) {
        this.store = store;
        this.objects = objects;
        this.platform = platform;
        this.transaction = transaction;
        this.changes = changes;
    }

    /** A PTP creates (HTTP 201) or replaces (200) one of its terminals. */
    OcpiResult receive(Caller caller, RoutingHeaders routing, Terminal terminal) {
        return receive(caller, routing, Type.TERMINALS, terminal.terminalId(), terminal.lastUpdated(), terminal);
    }

    /** A PTP creates (HTTP 201) or replaces (200) the financial advice confirmation of a capture. */
    OcpiResult receive(Caller caller, RoutingHeaders routing, FinancialAdviceConfirmation confirmation) {
        confirmation.requireEftData();
        return receive(caller, routing, Type.FINANCIAL_ADVICE_CONFIRMATIONS, confirmation.id(), confirmation.lastUpdated(), confirmation);
    }

    /** One of the caller's objects of a kind, as it sent it last. */
    RawJson get(Caller caller, RoutingHeaders routing, Type type, String id) {
        ObjectKey key = key(ptp(caller, routing), type, id);
        return store.find(key).map(RawJson::new)
                .orElseThrow(() -> OcpiException.notFound("unknown " + type.path + " " + key.owner() + "/" + id));
    }

    private OcpiResult receive(Caller caller, RoutingHeaders routing, Type type, String id, Instant lastUpdated, Object object) {
        ObjectKey key = key(ptp(caller, routing), type, id);
        String text = objects.write(object);
        boolean created = transaction.execute(tx -> {
            // A terminal created with its id alone has no last_updated: the store orders it by its arrival.
            boolean isNew = store.put(key, lastUpdated != null ? lastUpdated : Instant.now(), null, text);
            changes.announced(ModuleId.PAYMENTS, type.received(), key.toString(), text, headers(caller, key));
            return isNew;
        });
        return created ? OcpiResult.created(null) : OcpiResult.ok(null);
    }

    /**
     * The PTP whose object a request is: the party its routing headers name, or else the caller's PTP party. A party
     * named there that the caller plays in another role than PTP owns no terminals (a hub's parties are its own).
     */
    private Party ptp(Caller caller, RoutingHeaders routing) {
        platform.requirePlays(caller, Role.PTP);
        Party ptp = routing.from() != null ? routing.from() : platform.partyOf(caller, Role.PTP);
        platform.requireOwner(caller, ptp);
        boolean playsPtp = caller.peer().roles().stream().anyMatch(r -> r.role() == Role.PTP
                && r.countryCode().equalsIgnoreCase(ptp.countryCode()) && r.partyId().equalsIgnoreCase(ptp.partyId()));
        if (!playsPtp && !platform.isHub(caller)) {
            throw new OcpiException(OcpiStatus.CLIENT_ERROR, 403, "only a PTP may use this interface; " + ptp + " is no PTP among the caller's credentials roles");
        }
        return ptp;
    }

    private static ObjectKey key(Party ptp, Type type, String id) {
        return new ObjectKey(ModuleId.PAYMENTS, ptp, id, type.storeType);
    }

    private static Map<String, Object> headers(Caller caller, ObjectKey key) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(OcpiEvents.COUNTRY_CODE, key.owner().countryCode());
        headers.put(OcpiEvents.PARTY_ID, key.owner().partyId());
        headers.put(OcpiEvents.OBJECT_ID, key.id());
        headers.put("OcpiOperation", "POST");
        headers.put(OcpiEvents.PEER, caller.peer().name());
        headers.put(OcpiEvents.VERSION, VersionNumber.V2_3_0.text());
        return headers;
    }
}
