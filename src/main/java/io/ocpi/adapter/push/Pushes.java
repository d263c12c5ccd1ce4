package io.ocpi.adapter.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.ObjectChanges;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.protocol.OcpiEvents;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.registry.Peer;
import io.ocpi.adapter.registry.PeerRepository;
import io.ocpi.adapter.registry.PeerStatus;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides who hears of a change, and queues it in the outbox: for one of our objects, every registered peer that serves
 * the module's Receiver interface (to a hub: a Broadcast Push, addressed to the hub), or, for an object that concerns
 * one party (a session's or CDR's eMSP), only the peer of that party, or the hub behind which it is, addressed to the
 * party; for an object a peer sent us, every route of ours that listens. Called inside the transaction that stores
 * the change, so that a change is never stored without its pushes, nor pushed without being stored.
 */
@Component
public class Pushes implements ObjectChanges {

    private final PeerRepository peers;
    private final Outbox outbox;
    private final OcpiEvents events;
    private final ObjectMapper json;
    private final PartiesBehindHubs hubParties;

    public Pushes(PeerRepository peers, Outbox outbox, OcpiEvents events, ObjectMapper json, PartiesBehindHubs hubParties) {
        this.peers = peers;
        this.hubParties = hubParties;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
    }

    /** Queues the whole object to every peer that should have it, by PUT or POST as its kind is pushed. */
    @Override
    public void changed(Kind<?> kind, OwnedObject object, String type, Party concerns, String json) {
        String module = kind.module();
        Party owner = Party.of(object);
        String path = kind.push() == Kind.Push.POST ? ""
                : owner.countryCode() + "/" + owner.partyId() + "/" + OcpiUrls.segment(object.objectId())
                        + (type == null ? "" : "?type=" + type);
        String key = module + "/" + owner + "/" + object.objectId().toUpperCase(java.util.Locale.ROOT) + (type == null ? "" : "/" + type);
        for (Peer peer : recipients(module, concerns)) {
            outbox.add(peer.id(), module, key, kind.push().name(), path, json, owner,
                    concerns != null ? concerns : partyOf(peer, kind.receiver()));
        }
    }

    /**
     * Queues a PATCH of one of our objects, or of a part of it, to every peer that has the object.
     * It shares the object's key with PUTs, so that a peer gets every change of one object in order.
     *
     * @param subPath the segments below the object that address the part (see {@link Kind#parts()}), or empty
     */
    public void patched(Kind<?> kind, Party owner, String objectId, String subPath, String patch) {
        String module = kind.module();
        String path = owner.countryCode() + "/" + owner.partyId() + "/" + OcpiUrls.segment(objectId) + subPath;
        String key = module + "/" + owner + "/" + objectId.toUpperCase(java.util.Locale.ROOT);
        for (Peer peer : recipients(module, null)) {
            outbox.add(peer.id(), module, key, "PATCH", path, patch, owner, partyOf(peer, kind.receiver()));
        }
    }

    /**
     * Queues news of a change for every route of ours that listens to it (see {@link OcpiEvents#listeners}), with
     * its headers, so that each route gets it once even when its backend is down when it happens.
     */
    @Override
    public void announced(String module, String event, String objectKey, String body, Map<String, Object> headers) {
        List<String> routes = events.listeners(module, event);
        if (routes.isEmpty()) {
            return;
        }
        Map<String, Object> all = new java.util.LinkedHashMap<>(headers);
        all.put(OcpiEvents.MODULE, module);
        all.put(OcpiEvents.EVENT, event);
        String headerText;
        try {
            headerText = json.writeValueAsString(all);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event headers cannot be written as JSON", e);
        }
        outbox.addEvent(routes, module, objectKey, body, headerText);
    }

    /**
     * Every peer serving the module's Receiver interface, or the one of {@code concerns}: the peer that plays it, or
     * else the hubs, when a hub has reported the party behind it (hubclientinfo).
     */
    private List<Peer> recipients(String module, Party concerns) {
        List<Peer> receivers = peers.findAll().stream()
                .filter(peer -> peer.status() == PeerStatus.REGISTERED)
                .filter(peer -> peer.endpoint(module, InterfaceRole.RECEIVER).isPresent())
                .toList();
        if (concerns == null) {
            return receivers;
        }
        List<Peer> direct = receivers.stream().filter(peer -> peer.plays(concerns.countryCode(), concerns.partyId())).toList();
        if (!direct.isEmpty() || hubParties.status(concerns).isEmpty()) {
            return direct;
        }
        return receivers.stream().filter(Platform::isHub).toList();
    }

    /** The peer's party in the role that receives this module, for the OCPI-to headers. */
    private static Party partyOf(Peer peer, Role role) {
        return peer.roles().stream()
                .filter(r -> r.role() == role)
                .findFirst()
                .or(() -> peer.roles().stream().findFirst())
                .map(r -> new Party(r.countryCode(), r.partyId()))
                .orElse(null);
    }
}
