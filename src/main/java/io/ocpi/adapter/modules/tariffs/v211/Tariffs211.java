package io.ocpi.adapter.modules.tariffs.v211;

import static io.ocpi.adapter.protocol.WireFields211.eachObject;
import static io.ocpi.adapter.protocol.WireFields211.isWhole;
import static io.ocpi.adapter.protocol.WireFields211.object;
import static io.ocpi.adapter.protocol.WireFields211.removeOwner;
import static io.ocpi.adapter.protocol.WireFields211.setOwner;
import static io.ocpi.adapter.protocol.WireFields211.untranslatable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.locations.v211.Locations211;
import io.ocpi.adapter.modules.tariffs.TariffShapes;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.protocol.OcpiException;
import java.util.List;

/**
 * OCPI 2.1.1 Tariffs to and from the canonical form, for the tariffs module's form and for the tariffs a 2.1.1 CDR
 * carries. A 2.1.1 Tariff has the same elements and price components, without VAT, without the restrictions on
 * current and reservation, and without the tariff's type, price range and validity period; its energy mix is a
 * 2.1.1 EnergyMix. Each translation changes the object it is given, in place, and returns it.
 */
public final class Tariffs211 {

    /** Canonical fields 2.1.1 has no place for, dropped: see docs/translation-2.1.1.md for what that means. */
    private static final List<String> TARIFF_FIELDS_NOT_IN_211 = List.of("type", "min_price", "max_price", "start_date_time", "end_date_time");
    /**
     * Restrictions 2.1.1 cannot say: dropping one would apply its element where it must not. A 2.1.1 body that holds
     * one is refused, as a tariff no 2.1.1 peer can read back.
     */
    private static final List<String> RESTRICTIONS_NOT_IN_211 = List.of("min_current", "max_current", "reservation");

    private Tariffs211() {
    }

    /** A 2.1.1 Tariff owned by {@code owner}, whole (it has its {@code id}) or partial, in the canonical form. */
    public static ObjectNode toCanonical(ObjectNode tariff, Party owner) {
        if (isWhole(tariff, "id")) {
            setOwner(tariff, owner);
        }
        object(tariff, "energy_mix", "", (mix, at) -> Locations211.energyMixToCanonical(mix));
        eachObject(tariff, "elements", "", (element, elementAt) -> {
            object(element, "restrictions", elementAt, (restrictions, restrictionsAt) -> {
                for (String field : RESTRICTIONS_NOT_IN_211) {
                    if (restrictions.has(field)) {
                        throw OcpiException.invalid(restrictionsAt + field + ": no restriction of OCPI 2.1.1 (mod_tariffs.md 4.5)");
                    }
                }
                return restrictions;
            });
            return element;
        });
        TariffShapes.fromV221(tariff);
        return tariff;
    }

    /**
     * A canonical Tariff in 2.1.1's shape: first 2.2.1's (see {@link TariffShapes}: prices that include taxes are
     * written without them), then 2.1.1's; {@code at} is its path for messages.
     */
    public static ObjectNode toWire(ObjectNode tariff, String at) {
        TariffShapes.toV221(tariff);
        removeOwner(tariff);
        TARIFF_FIELDS_NOT_IN_211.forEach(tariff::remove);
        object(tariff, "energy_mix", at, (mix, mixAt) -> Locations211.energyMixToWire(mix));
        eachObject(tariff, "elements", at, (element, elementAt) -> {
            eachObject(element, "price_components", elementAt, (component, componentAt) -> {
                component.remove("vat");
                return component;
            });
            object(element, "restrictions", elementAt, (restrictions, restrictionsAt) -> {
                for (String field : RESTRICTIONS_NOT_IN_211) {
                    if (restrictions.hasNonNull(field)) {
                        throw untranslatable(restrictionsAt + field, "2.1.1 has no such restriction");
                    }
                }
                return restrictions;
            });
            return element;
        });
        return tariff;
    }
}
