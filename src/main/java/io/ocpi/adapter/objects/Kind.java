package io.ocpi.adapter.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * What one module's Client Owned Objects are and how they travel: how they are read, keyed and merged; which role
 * owns them (the parties of the other role receive them: a CPO's locations, sessions, CDRs and tariffs go to eMSPs,
 * an eMSP's tokens to CPOs); how they are pushed; since when a pull asks for them; and which parts of an object a
 * path below it addresses.
 *
 * @param owner    the role of the parties that own these objects and serve them on their Sender interface
 * @param pullFrom  the {@code date_from} a pull sends when asked for everything, for Senders that want one; or null
 * @param partTypes the types of the parts, by how many segments below the object's id address them (an EVSE one,
 *                  a connector two), so that a part is written in a peer's version as its type is
 */
public record Kind<T extends OwnedObject>(String module, Class<T> type, Role owner, String idField,
                                          Function<T, String> objectType, Function<T, Party> concerns,
                                          BinaryOperator<ObjectNode> patch, Push push, Instant pullFrom, Parts parts,
                                          List<Class<?>> partTypes) {

    /** How a whole object is pushed to a Receiver. */
    public enum Push {
        /** PUT at {@code {country_code}/{party_id}/{id}} below the Receiver's URL (with {@code ?type=} when keyed by type). */
        PUT,
        /** POST to the Receiver's URL itself: for objects that never change once sent. */
        POST
    }

    /** The parts of an object that the path segments below its id address, e.g. an EVSE and connector of a location. */
    @FunctionalInterface
    public interface Parts {

        /** Objects without parts: only the whole object is addressed. */
        Parts NONE = (object, below) -> below.isEmpty() ? Optional.of(object) : Optional.empty();

        /** The part at {@code below} (the decoded segments after the object's id), as a PUT at that level carries it. */
        Optional<ObjectNode> at(ObjectNode object, List<String> below);
    }

    /** Objects keyed by owner and id alone, patched field by field, pushed by PUT, pulled in full, without parts. */
    public static <T extends OwnedObject> Kind<T> of(String module, Class<T> type, Role owner) {
        return new Kind<>(module, type, owner, "id", t -> "", t -> null, OwnedObjects::replaceFields, Push.PUT, null,
                Parts.NONE, List.of());
    }

    /** The role whose parties receive these objects: the other side of the owner's. */
    public Role receiver() {
        return owner == Role.CPO ? Role.EMSP : Role.CPO;
    }

    /** The body field that holds {@link OwnedObject#objectId()}, as refusals name it. */
    public Kind<T> identifiedBy(String idField) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, partTypes);
    }

    public Kind<T> keyedByType(Function<T, String> objectType) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, partTypes);
    }

    public Kind<T> concerning(Function<T, Party> concerns) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, partTypes);
    }

    public Kind<T> patchedBy(BinaryOperator<ObjectNode> patch) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, partTypes);
    }

    public Kind<T> pushedBy(Push push) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, partTypes);
    }

    public Kind<T> pulledFrom(Instant pullFrom) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, partTypes);
    }

    /** Parts of these types below the object: the first one segment below its id, the next two, and so on. */
    public Kind<T> withParts(Parts parts, Class<?>... partTypes) {
        return new Kind<>(module, type, owner, idField, objectType, concerns, patch, push, pullFrom, parts, List.of(partTypes));
    }

    /** The type of what {@code depth} segments below an object's id address: the object itself at 0; null when unknown. */
    public Class<?> typeAt(int depth) {
        return depth == 0 ? type : depth <= partTypes.size() ? partTypes.get(depth - 1) : null;
    }
}
