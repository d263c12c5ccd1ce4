package io.ocpi.adapter.modules.tariffs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.PriceShapes;
import io.ocpi.adapter.protocol.WireDifferences;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a {@link Tariff} is written in 2.3.0 and 2.2.1, for the tariff's own wire forms and for the tariffs a CDR
 * carries. Each method changes the given JSON object in place; fields that are absent stay absent (partial bodies).
 */
public final class TariffShapes {

    /** Decimals of a price component's price that 2.2.1 gets when it is derived from a price that includes taxes. */
    static final int DERIVED_PRICE_SCALE = 4;

    /** Where {@link #toV221} changes a tariff (a price's taxes are left out, see {@link PriceShapes#toV221}). */
    public static final WireDifferences V221 = WireDifferences.of()
            .leaves("preauthorize_amount", "tax_included")
            .inside("min_price", WireDifferences.of().leaves("taxes"))
            .inside("max_price", WireDifferences.of().leaves("taxes"));

    private TariffShapes() {
    }

    /**
     * 2.3.0's tariff into the canonical form: {@code min_price} and {@code max_price} are PriceLimits
     * ({@code before_taxes}, {@code after_taxes}), canonically Prices ({@code excl_vat}, {@code incl_vat}).
     *
     * @throws IllegalArgumentException naming the field when a PriceLimit lacks {@code before_taxes}
     */
    public static void fromV230(ObjectNode tariff, String where) {
        for (String field : new String[] {"min_price", "max_price"}) {
            if (tariff.get(field) instanceof ObjectNode limit) {
                if (!limit.hasNonNull("before_taxes")) {
                    throw new IllegalArgumentException(where + field + ".before_taxes: must not be null");
                }
                ObjectNode price = tariff.putObject(field);
                price.set("excl_vat", limit.get("before_taxes"));
                if (limit.has("after_taxes")) {
                    price.set("incl_vat", limit.get("after_taxes"));
                }
            }
        }
    }

    /**
     * The canonical tariff into 2.3.0's shape: PriceLimits for {@code min_price} and {@code max_price} (their taxes
     * have no place there: {@code after_taxes} is {@code incl_vat}, or derived from the taxes), and the required
     * {@code tax_included} as {@code NO} when the tariff does not say: without it, prices exclude taxes (2.2.1).
     */
    public static void toV230(ObjectNode tariff) {
        for (String field : new String[] {"min_price", "max_price"}) {
            if (tariff.get(field) instanceof ObjectNode) {
                PriceShapes.toV221(tariff, field);
                ObjectNode price = (ObjectNode) tariff.get(field);
                ObjectNode limit = tariff.putObject(field);
                if (price.has("excl_vat")) {
                    limit.set("before_taxes", price.get("excl_vat"));
                }
                if (price.has("incl_vat")) {
                    limit.set("after_taxes", price.get("incl_vat"));
                }
            }
        }
        if (tariff.has("elements") && !tariff.has("tax_included")) {
            tariff.put("tax_included", TaxIncluded.NO.name());
        }
    }

    /**
     * The canonical tariff into 2.2.1's shape: without {@code preauthorize_amount}, {@code tax_included} and the taxes
     * of its prices. 2.2.1's price components exclude VAT: when the tariff says its prices include taxes, a component
     * that gives its VAT percentage gets its price without it ({@code price / (1 + vat / 100)}, to
     * {@value #DERIVED_PRICE_SCALE} decimals); one without VAT keeps its price, which is then all the driver pays.
     */
    public static void toV221(ObjectNode tariff) {
        tariff.remove("preauthorize_amount");
        JsonNode taxIncluded = tariff.remove("tax_included");
        PriceShapes.toV221(tariff, "min_price");
        PriceShapes.toV221(tariff, "max_price");
        if (taxIncluded == null || !TaxIncluded.YES.name().equals(taxIncluded.asText())) {
            return;
        }
        for (JsonNode element : tariff.path("elements")) {
            for (JsonNode component : element.path("price_components")) {
                if (component instanceof ObjectNode priced && priced.path("price").isNumber() && priced.path("vat").isNumber()) {
                    BigDecimal factor = BigDecimal.ONE.add(priced.get("vat").decimalValue().movePointLeft(2));
                    priced.put("price", priced.get("price").decimalValue().divide(factor, DERIVED_PRICE_SCALE, RoundingMode.HALF_UP));
                }
            }
        }
    }

    /**
     * 2.2.1's tariff into the canonical form: the fields only 2.3.0 has are not 2.2.1's to give, and are dropped as
     * any field 2.2.1 does not know.
     */
    public static void fromV221(ObjectNode tariff) {
        tariff.remove("preauthorize_amount");
        tariff.remove("tax_included");
        for (String field : new String[] {"min_price", "max_price"}) {
            if (tariff.get(field) instanceof ObjectNode price) {
                price.remove("taxes");
            }
        }
    }
}
