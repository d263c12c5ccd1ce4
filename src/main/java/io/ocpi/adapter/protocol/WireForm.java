package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;

/**
 * How one canonical object type is written on the wire of one OCPI version other than the canonical one
 * ({@link VersionNumber#CANONICAL}). A module that has such a type declares its forms as Spring beans in its own
 * package, each a {@link DeclaredWireForm}; the protocol applies them to the bodies a peer on that version sends and receives (requests, answers,
 * pushes, pulls). A type without a form for a version is written the same in it as canonically.
 */
public interface WireForm {

    /** The canonical type this form writes, e.g. {@code Location.class}; lists of it are written item by item. */
    Class<?> type();

    /** The version whose shape this form writes. */
    VersionNumber version();

    /**
     * A body as a peer on this version sent it, whole or partial (a PATCH holds only the fields it changes: only the
     * fields present are translated), into the canonical form. {@code parties} says whose body it is and to whom, for
     * versions whose objects do not name the parties.
     *
     * @throws OcpiException {@link OcpiException#invalid} naming the field when a canonical field the body must give
     *                       cannot be derived from it
     */
    ObjectNode toCanonical(ObjectNode wire, Parties parties);

    /**
     * A canonical object into this version's shape, whole or partial as given.
     *
     * @throws UntranslatableException naming the field when the version requires a field that cannot be derived
     */
    ObjectNode toWire(ObjectNode canonical);

    /**
     * Where {@link #toWire} can change an object: one whose JSON text holds none of them goes out as that text, neither
     * parsed nor written again. Empty when the form does not say, and translates every object.
     */
    default java.util.Optional<WireDifferences> differences() {
        return java.util.Optional.empty();
    }

    /**
     * The modules whose stored objects {@link #toWire} reads (a 2.1.1 session carries its whole stored Location): what
     * it writes changes when they change.
     */
    default java.util.Set<String> reads() {
        return java.util.Set.of();
    }

    /**
     * The parties of a body a peer sent: {@code from}, the peer's party whose object or request it is (from the URL, the
     * routing headers or the peer's credentials), and {@code to}, our party it is addressed to.
     */
    record Parties(Party from, Party to) {
    }

    /** A canonical object that cannot be written in a version: the message names the field that is missing. */
    class UntranslatableException extends RuntimeException {
        public UntranslatableException(String message) {
            super(message);
        }
    }
}
