package io.ocpi.adapter.objects;

import io.ocpi.adapter.config.VersionsProperties;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.ServedVersions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every module the adapter has, as each declares itself ({@link OcpiModule}), by identifier; and which of the
 * enabled OCPI versions ({@code ocpi.versions.enabled}) serve each.
 */
@Component
public class Modules implements ServedVersions {

    private final List<OcpiModule> all;
    private final Set<VersionNumber> enabled;

    public Modules(List<OcpiModule> modules, VersionsProperties versions) {
        this.all = modules.stream().sorted(Comparator.comparing(OcpiModule::id)).toList();
        this.enabled = versions.versions();
    }

    @Override
    public Set<VersionNumber> enabled() {
        return EnumSet.copyOf(enabled);
    }

    /** The enabled versions that have the module; every enabled version for an identifier that is no module. */
    @Override
    public Set<VersionNumber> of(String module) {
        Set<VersionNumber> versions = EnumSet.copyOf(enabled);
        find(module).ifPresent(known -> versions.retainAll(known.versions()));
        return versions;
    }

    /** The modules a version has. */
    public List<OcpiModule> in(VersionNumber version) {
        return all.stream().filter(module -> module.versions().contains(version)).toList();
    }

    public List<OcpiModule> all() {
        return all;
    }

    public Optional<OcpiModule> find(String id) {
        return all.stream().filter(module -> module.id().equals(id)).findFirst();
    }

    /** The kind of a module's Client Owned Objects; empty for an unknown module or one without them. */
    public Optional<Kind<?>> objects(String id) {
        return find(id).flatMap(OcpiModule::objects);
    }

    /** The kinds of Client Owned Objects of every module that has them, by module identifier. */
    public List<Kind<?>> objectKinds() {
        return all.stream().flatMap(module -> module.objects().stream()).toList();
    }
}
