package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A {@link WireForm} declared by what makes it: its canonical type, its version, its {@link WireDifferences} where it
 * has them, and its two translations. Each translation changes, in place, a copy of the body it is given: the body
 * the form was handed is never changed.
 */
public abstract class DeclaredWireForm implements WireForm {

    private final Class<?> type;
    private final VersionNumber version;
    private final Optional<WireDifferences> differences;
    private final BiConsumer<ObjectNode, Parties> toCanonical;
    private final Consumer<ObjectNode> toWire;

    /**
     * @param toCanonical changes a copy of a body in {@code version}'s shape into the canonical form
     * @param toWire      changes a copy of a canonical object into {@code version}'s shape
     */
    protected DeclaredWireForm(Class<?> type, VersionNumber version, BiConsumer<ObjectNode, Parties> toCanonical,
                               Consumer<ObjectNode> toWire) {
        this(type, version, Optional.empty(), toCanonical, toWire);
    }

    /** The same, for a form that says where {@code toWire} can change an object. */
    protected DeclaredWireForm(Class<?> type, VersionNumber version, WireDifferences differences,
                               BiConsumer<ObjectNode, Parties> toCanonical, Consumer<ObjectNode> toWire) {
        this(type, version, Optional.of(differences), toCanonical, toWire);
    }

    private DeclaredWireForm(Class<?> type, VersionNumber version, Optional<WireDifferences> differences,
                             BiConsumer<ObjectNode, Parties> toCanonical, Consumer<ObjectNode> toWire) {
        this.type = type;
        this.version = version;
        this.differences = differences;
        this.toCanonical = toCanonical;
        this.toWire = toWire;
    }

    @Override
    public final Class<?> type() {
        return type;
    }

    @Override
    public final VersionNumber version() {
        return version;
    }

    @Override
    public final Optional<WireDifferences> differences() {
        return differences;
    }

    @Override
    public final ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        ObjectNode canonical = wire.deepCopy();
        toCanonical.accept(canonical, parties);
        return canonical;
    }

    @Override
    public final ObjectNode toWire(ObjectNode canonical) {
        ObjectNode wire = canonical.deepCopy();
        toWire.accept(wire);
        return wire;
    }
}
