package io.ocpi.adapter.objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Caller;
import io.ocpi.adapter.protocol.OcpiBodies;
import io.ocpi.adapter.protocol.OcpiDateTime;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.OcpiResult;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.RawJson;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.protocol.RequestBody;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour every Client Owned Object shares, on both interfaces:
 * <ul>
 *   <li>Receiver: a peer GETs, PUTs, PATCHes (or DELETEs) its own objects under its country code and party id. The URL
 *       ids and the body ids must agree; a PATCH must carry {@code last_updated}; nothing is stored unless the result
 *       is a valid object. Each change is announced as {@code direct:ocpi.<module>.received}.</li>
 *   <li>Sender: our own objects, paginated and date-filtered.</li>
 * </ul>
 * Modules with deeper URLs (locations) or other rules (CDRs are immutable) build on the same store.
 */
@Component
public class OwnedObjects {

    private final ObjectStore store;
    private final OcpiBodies bodies;
    private final ObjectMapper json;
    private final Platform platform;
    private final Pagination pagination;
    private final TransactionTemplate transaction;
    private final ObjectChanges changes;
    private final Modules modules;
    private final SenderSnapshots snapshots;

    public OwnedObjects(ObjectStore store, OcpiBodies bodies, ObjectMapper json, Platform platform,
                        Pagination pagination, TransactionTemplate transaction, ObjectChanges changes, Modules modules,
                        SenderSnapshots snapshots) {
        this.modules = modules;
        this.snapshots = snapshots;
        this.changes = changes;
        this.store = store;
        this.bodies = bodies;
        this.json = json;
        this.platform = platform;
        this.pagination = pagination;
        this.transaction = transaction;
    }

    // --- Receiver interface ------------------------------------------------------------------------------------

    public RawJson get(Caller caller, ObjectKey key) {
        platform.requireOwner(caller, key.owner());
        return store.find(key).map(text -> new RawJson(text, typeOf(key.module()))).orElseThrow(() -> OcpiException.notFound("unknown " + key));
    }

    /** PUT of a whole object: created (HTTP 201) or replaced (200). */
    public <T extends OwnedObject> OcpiResult put(Caller caller, Kind<T> kind, ObjectKey key, RequestBody body) {
        platform.requireOwner(caller, key.owner());
        T object = bodies.read(body, kind.type());
        requireSameIds(key, object, kind);
        String text = write(object);
        boolean created = transaction.execute(tx -> {
            boolean isNew = store.put(key, object.lastUpdated(), kind.concerns().apply(object), text);
            announceReceived(caller, kind.module(), key, text, "PUT");
            return isNew;
        });
        return created ? OcpiResult.created(null) : OcpiResult.ok(null);
    }

    /** PATCH: the given fields replace the stored ones; the result must still be a valid object. */
    public <T extends OwnedObject> OcpiResult patch(Caller caller, Kind<T> kind, ObjectKey key, RequestBody body) {
        platform.requireOwner(caller, key.owner());
        ObjectNode patch = bodies.readObject(body, kind.type());
        requireLastUpdated(patch, body.version());
        transaction.executeWithoutResult(tx -> {
            ObjectNode current = store.findForUpdate(key).map(this::object)
                    .orElseThrow(() -> OcpiException.notFound("unknown " + key + ": PUT the whole object first"));
            T merged = bodies.convert(kind.patch().apply(current, patch), kind.type(), body.readAs());
            requireSameIds(key, merged, kind);
            String text = write(merged);
            store.put(key, merged.lastUpdated(), kind.concerns().apply(merged), text);
            announceReceived(caller, kind.module(), key, text, "PATCH");
        });
        return OcpiResult.ok(null);
    }

    public OcpiResult delete(Caller caller, String module, ObjectKey key) {
        platform.requireOwner(caller, key.owner());
        transaction.executeWithoutResult(tx -> {
            if (!store.delete(key)) {
                throw OcpiException.notFound("unknown " + key);
            }
            announceReceived(caller, module, key, null, "DELETE");
        });
        return OcpiResult.ok(null);
    }

    // --- Sender interface --------------------------------------------------------------------------------------

    /** One of our own objects, whichever of our parties owns it (Sender URLs carry no owner). */
    public java.util.Optional<String> findOurs(String module, List<Party> owners, String id, String type) {
        return owners.stream().map(owner -> store.find(new ObjectKey(module, owner, id, type)))
                .flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /**
     * One of our own objects whose type the asker names several candidates for, whichever of our parties owns it: the
     * stored body and its type, of the first type listed that is stored, in one look-up.
     */
    public java.util.Optional<ObjectStore.TypedBody> findOurs(String module, List<Party> owners, String id, List<String> types) {
        return store.findFirst(module, owners, id, types);
    }

    /** The parties holding an object of this id in the store, ours and peers' alike (ids are unique per party only). */
    public List<Party> ownersOf(String module, String id) {
        return store.findById(module, id, "").stream().map(this::object)
                .map(o -> new Party(o.path("country_code").asText(), o.path("party_id").asText()))
                .toList();
    }

    /**
     * Stores one of our own objects, handed in by an enterprise route, and queues it for every peer that should have
     * it, in one transaction. It must be valid and owned by one of our parties in {@code side}. Returns the object.
     */
    public <T extends OwnedObject> T publish(Kind<T> kind, io.ocpi.adapter.ocpi.Role side, byte[] body) {
        T object = bodies.read(body, kind.type());
        Party owner = Party.of(object);
        if (!platform.parties(side).contains(owner)) {
            throw OcpiException.invalid("country_code/party_id: " + owner + " is not one of our " + side + " parties "
                    + platform.parties(side));
        }
        String type = kind.objectType().apply(object);
        ObjectKey key = new ObjectKey(kind.module(), owner, object.objectId(), type);
        Party concerns = kind.concerns().apply(object);
        String text = write(object);
        transaction.executeWithoutResult(tx -> {
            store.put(key, object.lastUpdated(), concerns, text);
            changes.changed(kind, object, type.isEmpty() ? null : type, concerns, text);
            changes.announced(kind.module(), "published", key.toString(), text, eventHeaders(key, kind.push().name()));
        });
        return object;
    }

    /**
     * One page of our own objects of a module, owned by {@code owners}; with {@code concerns}, only those that concern
     * one of these parties. Served from the module's snapshot ({@link SenderSnapshots}) unless it holds too many
     * objects to keep in memory.
     */
    public OcpiResult list(String module, String path, List<Party> owners, Collection<Party> concerns, PageRequest request) {
        Class<?> type = typeOf(module);
        java.util.Optional<Page<byte[]>> held = snapshots.page(module, type, owners, concerns, request);
        if (held.isPresent()) {
            return pagination.result(path, request, held.get());
        }
        Page<String> page = store.page(module, owners, concerns, request);
        return pagination.result(path, request, new Page<>(page.items().stream().map(text -> new RawJson(text, type)).toList(), page.total()));
    }

    /** The type of a module's objects, as their stored text is written to peers. */
    private Class<?> typeOf(String module) {
        return modules.objects(module).map(Kind::type).orElse(null);
    }

    // --- Shared rules ------------------------------------------------------------------------------------------

    /**
     * A PATCH carries {@code last_updated} (transport_and_format, PATCH, since 2.2). A 2.1.1 PATCH holds only the
     * fields it changes (2.1.1's own examples carry no {@code last_updated}): it is dated when it reaches us.
     */
    public static void requireLastUpdated(ObjectNode patch, VersionNumber version) {
        if (patch.hasNonNull("last_updated")) {
            return;
        }
        if (version == VersionNumber.V2_1_1) {
            patch.put("last_updated", OcpiDateTime.format(Instant.now()));
            return;
        }
        throw OcpiException.invalid("last_updated: required in every PATCH");
    }

    private static <T extends OwnedObject> void requireSameIds(ObjectKey key, T object, Kind<T> kind) {
        requireSame("country_code", key.owner().countryCode(), object.countryCode());
        requireSame("party_id", key.owner().partyId(), object.partyId());
        requireSame(kind.idField(), key.id(), object.objectId());
        if (!key.type().isEmpty()) {
            requireSame("type", key.type(), kind.objectType().apply(object));
        }
    }

    /** URL ids and body ids must agree (CiStrings: case aside). */
    public static void requireSame(String field, String inUrl, String inBody) {
        if (inBody == null || !inBody.equalsIgnoreCase(inUrl)) {
            throw OcpiException.invalid(field + ": '" + inBody + "' differs from '" + inUrl + "' in the URL");
        }
    }

    /** The default PATCH: top-level fields given replace the stored ones; fields left out stay. */
    public static ObjectNode replaceFields(ObjectNode current, ObjectNode patch) {
        ObjectNode merged = current.deepCopy();
        patch.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }

    public void announceReceived(Caller caller, String module, ObjectKey key, String body, String operation) {
        changes.announced(module, "received", key.toString(), body, OcpiEvents.about(caller.peer(), eventHeaders(key, operation)));
    }

    private static Map<String, Object> eventHeaders(ObjectKey key, String operation) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(OcpiEvents.COUNTRY_CODE, key.owner().countryCode());
        headers.put(OcpiEvents.PARTY_ID, key.owner().partyId());
        headers.put(OcpiEvents.OBJECT_ID, key.id());
        headers.put("OcpiOperation", operation);
        if (!key.type().isEmpty()) {
            headers.put("OcpiTokenType", key.type());
        }
        return headers;
    }

    public String write(Object object) {
        try {
            return json.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode object(String text) {
        try {
            JsonNode tree = json.readTree(text);
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
