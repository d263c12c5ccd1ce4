package io.ocpi.adapter.push;

import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.Modules;
import io.ocpi.adapter.objects.OwnedObjects;
import io.ocpi.adapter.ocpi.ObjectKey;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.store.ObjectStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current state of one of our objects at the path a push was sent to ({@code cc/pid/id}, and below it the
 * segments that address a part, as the module's {@link Kind#parts()} reads them): what to PUT when a peer refuses a
 * PATCH, as transport_and_format advises.
 */
@Component
public class CurrentObjects {

    private final ObjectStore store;
    private final OwnedObjects objects;
    private final Modules modules;

    public CurrentObjects(ObjectStore store, OwnedObjects objects, Modules modules) {
        this.store = store;
        this.objects = objects;
        this.modules = modules;
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
        if (segments.length == 3) {
            return object;
        }
        List<String> below = Arrays.stream(segments, 3, segments.length).map(CurrentObjects::decode).toList();
        Kind.Parts parts = modules.objects(module).map(Kind::parts).orElse(Kind.Parts.NONE);
        return object.flatMap(text -> parts.at(objects.object(text), below)).map(objects::write);
    }

    /**
     * The canonical type of what a push to {@code path} carries: the module's object, or a part of it below; null
     * when the module or depth is unknown.
     */
    public Class<?> typeAt(String module, String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        int depth = bare.isEmpty() ? 0 : Math.max(0, bare.split("/").length - 3);
        return modules.objects(module).map(kind -> kind.typeAt(depth)).orElse(null);
    }

    /**
     * The path of the whole object a part belongs to ({@code cc/pid/id} for a part at {@code cc/pid/id/...}); empty
     * for a path that names a whole object.
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
