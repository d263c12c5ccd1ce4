package io.ocpi.adapter.protocol;

import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.registry.Peer;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * This platform's own parties (ocpi.roles) and the rule of who may touch which Client Owned Objects.
 */
@Component
public class Platform {

    private final List<CredentialsRole> roles;

    public Platform(OcpiProperties properties) {
        this.roles = properties.roles();
    }

    /** Our parties in a role, e.g. every CPO we run (white-label CPOs are several). */
    public List<Party> parties(Role role) {
        return roles.stream().filter(r -> r.role() == role).map(r -> new Party(r.countryCode(), r.partyId())).toList();
    }

    /** The party that answers for a role when a request names none. */
    public Party party(Role role) {
        return parties(role).stream().findFirst()
                .orElseThrow(() -> new OcpiException(OcpiStatus.SERVER_ERROR, "this platform has no " + role + " role configured"));
    }

    /** The roles this platform plays, each once. */
    public List<Role> roles() {
        return roles.stream().map(CredentialsRole::role).distinct().toList();
    }

    /**
     * The role of ours a peer trades with when it speaks OCPI 2.1.1, where each party has one role: the one the
     * operator named for it, or else our only role; empty when we play several and none was named.
     */
    public java.util.Optional<Role> roleTowards(Peer peer) {
        if (peer.ourRole() != null) {
            return java.util.Optional.of(peer.ourRole());
        }
        List<Role> ours = roles();
        return ours.size() == 1 ? java.util.Optional.of(ours.get(0)) : java.util.Optional.empty();
    }

    /** Our parties as a peer should address them, e.g. {@code NL*ADC (CPO), NL*ADE (EMSP)}. */
    public String describe() {
        return roles.stream().map(r -> new Party(r.countryCode(), r.partyId()) + " (" + r.role() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public boolean isOurs(Party party) {
        return roles.stream().anyMatch(r -> new Party(r.countryCode(), r.partyId()).equals(party));
    }

    /**
     * Whether the caller may read or write objects owned by {@code owner} on our Receiver interfaces: only its own
     * (a party among its credentials roles), or, for a hub, those of the parties it forwards for. Nobody may touch
     * objects under our own parties through a Receiver interface.
     */
    public void requireOwner(Caller caller, Party owner) {
        if (isOurs(owner)) {
            throw new OcpiException(OcpiStatus.CLIENT_ERROR, 403, owner + " is a party of this platform, not of the caller");
        }
        boolean own = caller.peer().plays(owner.countryCode(), owner.partyId());
        boolean hub = isHub(caller);
        if (!own && !hub) {
            throw new OcpiException(OcpiStatus.CLIENT_ERROR, 403, owner + " is not one of the caller's credentials roles");
        }
    }

    /** Refuses a caller that does not play {@code role} (nor is a hub, which forwards to parties that do). */
    public void requirePlays(Caller caller, Role role) {
        if (!isHub(caller) && caller.peer().roles().stream().noneMatch(r -> r.role() == role)) {
            throw new OcpiException(OcpiStatus.CLIENT_ERROR, 403, "only a " + role + " may use this interface; the caller's credentials roles have none");
        }
    }

    /** The caller's party in {@code role} (the first when it has several there), or its first party when it has none. */
    public Party partyOf(Caller caller, Role role) {
        List<CredentialsRole> theirs = caller.peer().roles();
        CredentialsRole chosen = theirs.stream().filter(r -> r.role() == role).findFirst().orElse(theirs.get(0));
        return new Party(chosen.countryCode(), chosen.partyId());
    }

    /** The caller's parties, for Sender lists that show each party only what concerns it (sessions, CDRs). */
    public List<Party> partiesOf(Caller caller) {
        return caller.peer().roles().stream().map(r -> new Party(r.countryCode(), r.partyId())).toList();
    }

    public boolean isHub(Caller caller) {
        return isHub(caller.peer());
    }

    /** A peer that registered as a hub: it speaks for the parties behind it. */
    public static boolean isHub(Peer peer) {
        return peer.roles().stream().anyMatch(r -> r.role() == Role.HUB);
    }
}
