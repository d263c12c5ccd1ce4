package io.ocpi.adapter.objects;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every module the adapter has, as each declares itself ({@link OcpiModule}), by identifier. */
@Component
public class Modules {

    private final List<OcpiModule> all;

    public Modules(List<OcpiModule> modules) {
        this.all = modules.stream().sorted(Comparator.comparing(OcpiModule::id)).toList();
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
