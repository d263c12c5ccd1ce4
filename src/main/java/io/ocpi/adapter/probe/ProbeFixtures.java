package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiDateTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The objects the probe sends to a partner's Receiver interfaces: the specification's examples (copied to
 * {@code probe/*.json}), owned by the test party, last updated now, and naming the partner's eMSP as the issuer of
 * the session's and CDR's token. The Location is not published, so that no driver's app shows it.
 */
final class ProbeFixtures {

    private final ObjectMapper json;
    private final Party tokenIssuer;
    private final String now = OcpiDateTime.format(Instant.now());

    /** @param tokenIssuer the partner's eMSP, whose token the session and CDR name */
    ProbeFixtures(ObjectMapper json, Party tokenIssuer) {
        this.json = json;
        this.tokenIssuer = tokenIssuer;
    }

    /**
     * The example of {@code module} (locations, sessions, cdrs, tariffs, tokens), owned by {@code owner}: our CPO,
     * or for tokens our eMSP.
     */
    ObjectNode of(String module, Party owner) {
        ObjectNode example = read("probe/" + module.substring(0, module.length() - 1) + ".json");
        own(example, owner);
        stampLastUpdated(example);
        switch (module) {
            case "locations" -> example.put("publish", false);
            case "sessions" -> issue((ObjectNode) example.get("cdr_token"));
            case "cdrs" -> {
                issue((ObjectNode) example.get("cdr_token"));
                example.path("tariffs").forEach(tariff -> own((ObjectNode) tariff, owner));
            }
            default -> {
            }
        }
        return example;
    }

    private static void own(ObjectNode object, Party owner) {
        object.put("country_code", owner.countryCode()).put("party_id", owner.partyId());
    }

    private void issue(ObjectNode token) {
        token.put("country_code", tokenIssuer.countryCode()).put("party_id", tokenIssuer.partyId());
    }

    /** Every last_updated in the object (EVSEs and connectors too) becomes now, so that a repeated probe is newer. */
    private void stampLastUpdated(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("last_updated")) {
            object.put("last_updated", now);
        }
        node.forEach(this::stampLastUpdated);
    }

    private ObjectNode read(String resource) {
        try (InputStream in = ProbeFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + resource + " is missing from the jar");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
