package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How the probe judges the objects a peer answers in one OCPI version: {@code object} is a module's identifier
 * (locations, sessions, cdrs, tariffs, tokens) or {@code authorization_info}.
 */
interface PeerObjects {

    /** What an object that passes is valid by, for the report. */
    String describe();

    /** What is wrong with the object, each naming the field; empty when it is valid. */
    List<String> violations(String object, JsonNode node);

    /** The int fields holding a number with a fraction, e.g. {@code evses[0].connectors[0].max_voltage is 230.5}. */
    List<String> fractions(String object, JsonNode node);

    /** The object as two of them are compared, whether the peer answers what was sent (of a valid object). */
    JsonNode comparable(String object, JsonNode node);
}
