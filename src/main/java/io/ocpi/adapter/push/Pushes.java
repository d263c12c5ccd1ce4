package io.ocpi.adapter.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.ocpi.InterfaceRole;
import io.ocpi.adapter.ocpi.ModuleId;
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
 * the module's Receiver interface (to a hub: a Broadcast Push, addressed to the hub), or, for sessions and CDRs, only
 * the peer of the eMSP they concern, or the hub behind which it is, addressed to the eMSP; for an object a peer sent
 * us, every route of ours that listens. Called inside the transaction that stores the change, so that a
 * change is never stored without its pushes, nor pushed without being stored.
 */
@Component
public class Pushes {

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

    /**
     * Queues the whole object to every peer that should have it: PUT for locations, sessions, tariffs and tokens,
     * POST for CDRs.
     *
     * @param tokenType for tokens, their type (part of their key); null otherwise
     * @param concerns  for sessions and CDRs, the eMSP they concern; null otherwise
     */
    public void changed(String module, OwnedObject object, String tokenType, Party concerns, String json) {
        Party owner = Party.of(object);
        String path = ModuleId.CDRS.equals(module) ? ""
                : owner.countryCode() + "/" + owner.partyId() + "/" + OcpiUrls.segment(object.objectId())
                        + (tokenType == null ? "" : "?type=" + tokenType);
        String key = module + "/" + owner + "/" + object.objectId().toUpperCase(java.util.Locale.ROOT) + (tokenType == null ? "" : "/" + tokenType);
        String method = ModuleId.CDRS.equals(module) ? "POST" : "PUT";
        Role audience = ModuleId.TOKENS.equals(module) ? Role.CPO : Role.EMSP;
        for (Peer peer : recipients(module, concerns)) {
            outbox.add(peer.id(), module, key, method, path, json, owner, concerns != null ? concerns : partyOf(peer, audience));
        }
    }

    /**
     * Queues a PATCH of part of one of our objects (a location, EVSE or connector) to every peer that has the object.
     * It shares the object's key with PUTs, so that a peer gets every change of one object in order.
     *
     * @param subPath the EVSE and connector segments below the object, or empty
     */
    public void patched(String module, Party owner, String objectId, String subPath, String patch) {
        String path = owner.countryCode() + "/" + owner.partyId() + "/" + OcpiUrls.segment(objectId) + subPath;
        String key = module + "/" + owner + "/" + objectId.toUpperCase(java.util.Locale.ROOT);
        for (Peer peer : recipients(module, null)) {
            outbox.add(peer.id(), module, key, "PATCH", path, patch, owner, partyOf(peer, Role.EMSP));
        }
    }

    /**
     * Queues news of a change for every route of ours that listens to it (see {@link OcpiEvents#listeners}), with
     * its headers, so that each route gets it once even when its backend is down when it happens.
     */
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
