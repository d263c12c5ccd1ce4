package io.ocpi.adapter.ocpi;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Price class of types.asciidoc. */
public record Price(@NotNull BigDecimal exclVat, BigDecimal inclVat) {
}
