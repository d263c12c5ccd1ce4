package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** JSON text written into a response as it is: stored objects go out without being parsed again. */
public record RawJson(@JsonValue @JsonRawValue String json) {
}
