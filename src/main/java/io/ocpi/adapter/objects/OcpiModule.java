package io.ocpi.adapter.objects;

import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One OCPI module, declared once, as a Spring bean in the module's own package ({@code modules/tariffs/TariffsModule}
 * extends this): its identifier, the interfaces of it we serve (listed in our version details) and, for a module of
 * Client Owned Objects, their {@link Kind}. The version details, pushes and pulls read these through {@link Modules}
 * and name no module.
 */
public abstract class OcpiModule {

    /** One interface we serve, at our path for it, e.g. {@code /ocpi/2.2.1/credentials}. */
    public record Served(InterfaceRole role, String path) {
    }

    private final String id;
    private final List<Served> served;
    private final Kind<?> objects;

    /** A module without Client Owned Objects. */
    protected OcpiModule(String id, Served... served) {
        this(id, null, served);
    }

    /** A module of Client Owned Objects of this kind. */
    protected OcpiModule(Kind<?> objects, Served... served) {
        this(objects.module(), objects, served);
    }

    private OcpiModule(String id, Kind<?> objects, Served... served) {
        this.id = id;
        this.objects = objects;
        this.served = List.of(served);
    }

    protected static Served sender(String path) {
        return new Served(InterfaceRole.SENDER, path);
    }

    protected static Served receiver(String path) {
        return new Served(InterfaceRole.RECEIVER, path);
    }

    /** The module identifier, as in version details. */
    public String id() {
        return id;
    }

    public List<Served> served() {
        return served;
    }

    /** The OCPI versions that have this module; all of them unless the module says otherwise. */
    public Set<VersionNumber> versions() {
        return EnumSet.allOf(VersionNumber.class);
    }

    /** The kind of its Client Owned Objects; empty for a module without them. */
    public Optional<Kind<?>> objects() {
        return Optional.ofNullable(objects);
    }
}
