package io.ocpi.adapter.ocpi;

import java.util.Locale;

/**
 * Where an object lives in the store: module, owner, id, and for tokens the token type. Ids are CiStrings, so the
 * key is upper-case; the stored body keeps the spelling the owner chose.
 */
public record ObjectKey(String module, Party owner, String id, String type) {

    public ObjectKey {
        id = id.toUpperCase(Locale.ROOT);
        type = type == null ? "" : type;
    }

    public static ObjectKey of(String module, Party owner, String id) {
        return new ObjectKey(module, owner, id, "");
    }

    @Override
    public String toString() {
        return module + " " + owner + "/" + id + (type.isEmpty() ? "" : " (" + type + ")");
    }
}
