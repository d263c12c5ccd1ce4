package io.ocpi.adapter.ocpi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OCPI versions this adapter speaks. Every route, mapping and stored object sees one canonical form of each
 * object, {@link #CANONICAL}: 2.2.1's shape, carrying 2.3.0's additions as optional fields. A peer on another version
 * gets and sends its own shape; the modules' {@code WireForm}s translate at the edge.
 */
public enum VersionNumber {
    V2_1_1("2.1.1"),
    V2_2_1("2.2.1"),
    V2_3_0("2.3.0");

    /** The form routes, mappings and the store see. */
    public static final VersionNumber CANONICAL = V2_2_1;

    private final String text;

    VersionNumber(String text) {
        this.text = text;
    }

    /** As OCPI writes it, e.g. {@code 2.1.1}. */
    public String text() {
        return text;
    }

    public static Optional<VersionNumber> of(String text) {
        return Arrays.stream(values()).filter(version -> version.text.equals(text)).findFirst();
    }

    @Override
    public String toString() {
        return text;
    }
}
