package io.ocpi.adapter.push;

import io.ocpi.adapter.modules.locations.LocationTree;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.store.ObjectStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current state of one of our objects at the path a push was sent to ({@code cc/pid/id}, and for locations
 * {@code /evse/connector} below): what to PUT when a peer refuses a PATCH, as transport_and_format advises.
 */
@Component
public class CurrentObjects {

    private final ObjectStore store;
    private final OwnedObjects objects;

    public CurrentObjects(ObjectStore store, OwnedObjects objects) {
        this.store = store;
        this.objects = objects;
    }

    public Optional<String> at(String module, String path) {
        int query = path.indexOf('?');
        String type = query < 0 ? "" : path.substring(path.indexOf("type=") + "type=".length());
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/");
        if (segments.length < 3) {
            return Optional.empty();
        }
        ObjectKey key = new ObjectKey(module, new Party(segments[0], segments[1]), decode(segments[2]), type);
        Optional<String> object = store.find(key);
        if (!ModuleId.LOCATIONS.equals(module) || segments.length == 3) {
            return object;
        }
        return object.flatMap(text -> new LocationTree(objects.object(text))
                .part(decode(segments[3]), segments.length > 4 ? decode(segments[4]) : null))
                .map(objects::write);
    }

    /**
     * The path of the whole object a part belongs to ({@code cc/pid/id} for an EVSE or connector at
     * {@code cc/pid/id/evse[/connector]}); empty for a path that names a whole object.
     */
    public static Optional<String> parentPath(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 && path.indexOf('?') < 0
                ? Optional.of(String.join("/", segments[0], segments[1], segments[2]))
                : Optional.empty();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
