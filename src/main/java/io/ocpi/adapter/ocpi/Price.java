package io.ocpi.adapter.ocpi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;

/**
 * Price class of types.asciidoc: 2.2.1's {@code excl_vat} and {@code incl_vat}, and the {@code taxes} of 2.3.0 that
 * make up the difference when a peer on 2.3.0 gave them (see {@link PriceShapes}).
 */
public record Price(@NotNull BigDecimal exclVat, BigDecimal inclVat, List<@Valid @NotNull TaxAmount> taxes) {

    /** A price as 2.2.1 writes it, without a list of taxes. */
    public Price(BigDecimal exclVat, BigDecimal inclVat) {
        this(exclVat, inclVat, null);
    }
}
