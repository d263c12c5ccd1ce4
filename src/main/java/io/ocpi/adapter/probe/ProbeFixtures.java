package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiDateTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The objects the probe sends to a partner's Receiver interfaces, in the shape of the version spoken: the
 * specification's examples (copied to {@code probe/<version>/*.json}), owned by the test party, last updated at the
 * start of the run (the same instant in all of them, so that a 2.1.1 session's Location is the Location sent), and
 * naming the partner's eMSP as the issuer of the session's and CDR's token. A CDR cannot be replaced, so each run's
 * has an id of its own (the example's and the run's start). Where the version has them: the Location
 * is not published, so that no driver's app shows it (2.1.1 publishes every Location), and owners are named (2.1.1
 * objects name none).
 */
final class ProbeFixtures {

    private final ObjectMapper json;
    private final VersionNumber version;
    private final Party tokenIssuer;
    private final Instant started = Instant.now();
    private final String now = OcpiDateTime.format(started);

    /** @param tokenIssuer the partner's eMSP, whose token the session and CDR name */
    ProbeFixtures(ObjectMapper json, VersionNumber version, Party tokenIssuer) {
        this.json = json;
        this.version = version;
        this.tokenIssuer = tokenIssuer;
    }

    /**
     * The example of {@code module} (locations, sessions, cdrs, tariffs, tokens), owned by {@code owner}: our CPO,
     * or for tokens our eMSP.
     */
    ObjectNode of(String module, Party owner) {
        ObjectNode example = read("probe/" + version.text() + "/" + module.substring(0, module.length() - 1) + ".json");
        own(example, owner);
        stampLastUpdated(example);
        if (example.has("publish")) {
            example.put("publish", false);
        }
        if (example.get("cdr_token") instanceof ObjectNode token) {
            issue(token);
        }
        example.path("tariffs").forEach(tariff -> own((ObjectNode) tariff, owner));
        if (module.equals(ModuleId.CDRS)) {
            example.put("id", example.path("id").asText() + "-" + started.getEpochSecond());
        }
        return example;
    }

    /** The object's owner, where the version's objects name one. */
    private static void own(ObjectNode object, Party owner) {
        if (object.has("country_code")) {
            object.put("country_code", owner.countryCode()).put("party_id", owner.partyId());
        }
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
