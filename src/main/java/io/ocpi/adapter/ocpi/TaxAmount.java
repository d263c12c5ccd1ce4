package io.ocpi.adapter.ocpi;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** TaxAmount class of OCPI 2.3.0 (types.asciidoc): one tax due on a price, e.g. a VAT or a provincial sales tax. */
public record TaxAmount(@NotNull String name, String accountNumber, BigDecimal percentage, @NotNull BigDecimal amount) {
}
