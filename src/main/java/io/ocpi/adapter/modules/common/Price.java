package io.ocpi.adapter.modules.common;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Price class of types.asciidoc. */
public record Price(@NotNull BigDecimal exclVat, BigDecimal inclVat) {
}
