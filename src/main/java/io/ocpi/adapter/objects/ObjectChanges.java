package io.ocpi.adapter.objects;

import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import java.util.Map;

/**
 * Where a stored change of a Client Owned Object goes, called inside the transaction that stores it: the push layer
 * implements it, queueing the object for the peers and the news for the routes of ours that should have them.
 */
public interface ObjectChanges {

    /**
     * One of our objects, stored whole: queued for every peer that should have it, as its kind is pushed.
     *
     * @param type     the object's type when its kind is keyed by type (tokens); null otherwise
     * @param concerns the party the object concerns (sessions, CDRs); null for objects every receiver gets
     */
    void changed(Kind<?> kind, OwnedObject object, String type, Party concerns, String json);

    /** News of a change ({@code published} for ours, {@code received} for a peer's) for every route that listens. */
    void announced(String module, String event, String objectKey, String body, Map<String, Object> headers);
}
