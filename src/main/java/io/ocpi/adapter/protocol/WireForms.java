package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.VersionNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every {@link WireForm} the modules declare, by canonical type and version. */
@Component
public class WireForms {

    private record Key(Class<?> type, VersionNumber version) {
    }

    private final Map<Key, WireForm> forms = new HashMap<>();

    public WireForms(List<WireForm> forms) {
        for (WireForm form : forms) {
            WireForm twice = this.forms.put(new Key(form.type(), form.version()), form);
            if (twice != null) {
                throw new IllegalStateException("two wire forms of " + form.type().getSimpleName() + " in " + form.version());
            }
        }
    }

    /** How {@code type} is written in {@code version}; empty when it is written as canonically. */
    public Optional<WireForm> of(Class<?> type, VersionNumber version) {
        return Optional.ofNullable(forms.get(new Key(type, version)));
    }
}
