package io.ocpi.adapter.ocpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * How a {@link Price} is written in each version, for the wire forms of every module whose objects carry prices.
 * <ul>
 * <li>2.3.0 writes {@code before_taxes} and a list of {@code taxes}; the canonical price keeps 2.2.1's
 * {@code excl_vat} (= {@code before_taxes}) and {@code incl_vat} (= {@code before_taxes} plus the amounts of the
 * taxes, when taxes are given) and keeps the list beside them.</li>
 * <li>Back to 2.3.0, {@code taxes} is the kept list; a price that keeps none but has {@code incl_vat} gets one line
 * named {@value #DERIVED_TAX_NAME} of {@code incl_vat - excl_vat}, the VAT 2.2.1 speaks of.</li>
 * <li>2.2.1 has no list of taxes: it is left out, and {@code incl_vat} is derived from it when missing.</li>
 * </ul>
 * The methods take the object that holds the price and the price's field, and change that field in place; a field that
 * is absent or no JSON object is left as it is (validation names it).
 */
public final class PriceShapes {

    /** The name of the one tax line of a 2.3.0 price derived from 2.2.1's {@code incl_vat}. */
    public static final String DERIVED_TAX_NAME = "VAT";

    private PriceShapes() {
    }

    /**
     * The 2.3.0 price at {@code field} of {@code holder} into the canonical form.
     *
     * @throws IllegalArgumentException naming the field ({@code where} + field) when {@code before_taxes} is missing
     *                                  or a tax has no amount
     */
    public static void fromV230(ObjectNode holder, String field, String where) {
        if (!(holder.get(field) instanceof ObjectNode wire)) {
            return;
        }
        String path = where + field;
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        JsonNode beforeTaxes = wire.get("before_taxes");
        if (beforeTaxes == null || beforeTaxes.isNull()) {
            throw new IllegalArgumentException(path + ".before_taxes: must not be null");
        }
        canonical.set("excl_vat", beforeTaxes);
        JsonNode taxes = wire.get("taxes");
        if (taxes instanceof ArrayNode list && beforeTaxes.isNumber()) {
            BigDecimal inclVat = beforeTaxes.decimalValue();
            for (int i = 0; i < list.size(); i++) {
                JsonNode amount = list.get(i).get("amount");
                if (amount == null || amount.isNull()) {
                    throw new IllegalArgumentException(path + ".taxes[" + i + "].amount: must not be null");
                }
                if (amount.isNumber()) {
                    inclVat = inclVat.add(amount.decimalValue());
                }
            }
            canonical.put("incl_vat", inclVat);
        }
        if (taxes != null) {
            canonical.set("taxes", taxes);
        }
        holder.set(field, canonical);
    }

    /** The canonical price at {@code field} of {@code holder} into 2.3.0's shape. */
    public static void toV230(ObjectNode holder, String field) {
        if (!(holder.get(field) instanceof ObjectNode canonical)) {
            return;
        }
        ObjectNode wire = JsonNodeFactory.instance.objectNode();
        JsonNode exclVat = canonical.get("excl_vat");
        if (exclVat != null) {
            wire.set("before_taxes", exclVat);
        }
        JsonNode taxes = canonical.get("taxes");
        JsonNode inclVat = canonical.get("incl_vat");
        if (taxes != null && !taxes.isNull()) {
            wire.set("taxes", taxes);
        } else if (inclVat != null && inclVat.isNumber() && exclVat != null && exclVat.isNumber()) {
            ObjectNode tax = wire.putArray("taxes").addObject();
            tax.put("name", DERIVED_TAX_NAME);
            tax.put("amount", inclVat.decimalValue().subtract(exclVat.decimalValue()));
        }
        holder.set(field, wire);
    }

    /** The canonical price at {@code field} of {@code holder} into 2.2.1's shape: without the list of taxes. */
    public static void toV221(ObjectNode holder, String field) {
        if (!(holder.get(field) instanceof ObjectNode canonical) || !canonical.has("taxes")) {
            return;
        }
        ObjectNode wire = canonical.deepCopy();
        JsonNode taxes = wire.remove("taxes");
        JsonNode exclVat = wire.get("excl_vat");
        if (!wire.has("incl_vat") && taxes instanceof ArrayNode list && exclVat != null && exclVat.isNumber()) {
            BigDecimal inclVat = exclVat.decimalValue();
            for (JsonNode tax : list) {
                if (tax.path("amount").isNumber()) {
                    inclVat = inclVat.add(tax.get("amount").decimalValue());
                }
            }
            wire.put("incl_vat", inclVat);
        }
        holder.set(field, wire);
    }
}
