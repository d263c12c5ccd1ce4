package io.ocpi.adapter.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.commands.CommandResponse;
import io.ocpi.adapter.modules.commands.CommandResult;
import io.ocpi.adapter.modules.commands.StartSession;
import io.ocpi.adapter.modules.locations.Evse;
import io.ocpi.adapter.modules.locations.Location;
import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.modules.tokens.AuthorizationInfo;
import io.ocpi.adapter.modules.tokens.LocationReferences;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiException;
import io.ocpi.adapter.protocol.WireForm;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Wire forms for 2.1.1 made up for tests, so that tests prove where forms are applied whatever the real forms say:
 * each renames one field; the Tariff form also leaves the parties out of the body and refuses a tariff without
 * alternative text. A source only for the adapters that name it (its bean methods are read as those of any source):
 * no {@code @Configuration}, which the application's component scan would find and add to every test adapter,
 * beside the real 2.1.1 forms. The adapters that name it speak 2.1.1 through these forms only: the real 2.1.1 forms
 * are left out of them.
 */
public class TestWireForms {

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutTheReal211Forms() {
        return registry -> {
            for (String name : registry.getBeanDefinitionNames()) {
                String type = registry.getBeanDefinition(name).getBeanClassName();
                if (type != null && type.startsWith("io.ocpi.adapter.modules.") && type.contains(".v211.")
                        && WireForm.class.isAssignableFrom(ClassUtils.resolveClassName(type, TestWireForms.class.getClassLoader()))) {
                    registry.removeBeanDefinition(name);
                }
            }
        };
    }

    @Bean
    WireForm testTariffForm211() {
        return new TariffForm();
    }

    @Bean
    WireForm testLocationForm211() {
        return new Rename(Location.class, "name", "title");
    }

    @Bean
    WireForm testEvseForm211() {
        return new Rename(Evse.class, "status", "state");
    }

    @Bean
    WireForm testLocationReferencesForm211() {
        return new Rename(LocationReferences.class, "location_id", "location");
    }

    @Bean
    WireForm testAuthorizationInfoForm211() {
        return new Rename(AuthorizationInfo.class, "allowed", "permission");
    }

    @Bean
    WireForm testStartSessionForm211() {
        return new Rename(StartSession.class, "location_id", "location");
    }

    @Bean
    WireForm testCommandResponseForm211() {
        return new Rename(CommandResponse.class, "result", "answer");
    }

    @Bean
    WireForm testCommandResultForm211() {
        return new Rename(CommandResult.class, "result", "outcome");
    }

    /** A type whose one field is written under another name in 2.1.1. */
    public static class Rename implements WireForm {
        private final Class<?> type;
        private final String canonical;
        private final String wire;

        public Rename(Class<?> type, String canonical, String wire) {
            this.type = type;
            this.canonical = canonical;
            this.wire = wire;
        }

        @Override
        public Class<?> type() {
            return type;
        }

        @Override
        public VersionNumber version() {
            return VersionNumber.V2_1_1;
        }

        @Override
        public ObjectNode toCanonical(ObjectNode body, Parties parties) {
            return move(body, wire, canonical);
        }

        @Override
        public ObjectNode toWire(ObjectNode body) {
            return move(body, canonical, wire);
        }

        static ObjectNode move(ObjectNode body, String from, String to) {
            ObjectNode moved = body.deepCopy();
            if (moved.has(from)) {
                moved.set(to, moved.remove(from));
            }
            return moved;
        }
    }

    /**
     * Tariff: {@code currency} is written {@code money}; the owner is not in the body but the parties say it; and
     * an empty {@code tariff_alt_text} cannot be written.
     */
    static class TariffForm extends Rename {

        TariffForm() {
            super(Tariff.class, "currency", "money");
        }

        @Override
        public ObjectNode toCanonical(ObjectNode body, Parties parties) {
            if (body.has("country_code") || body.has("party_id")) {
                throw OcpiException.invalid("country_code: not in a 2.1.1 tariff");
            }
            ObjectNode canonical = super.toCanonical(body, parties);
            canonical.put("country_code", parties.from().countryCode());
            canonical.put("party_id", parties.from().partyId());
            return canonical;
        }

        @Override
        public ObjectNode toWire(ObjectNode body) {
            if (body.has("tariff_alt_text") && body.get("tariff_alt_text").isEmpty()) {
                throw new UntranslatableException("tariff_alt_text: this version needs at least one");
            }
            ObjectNode wire = super.toWire(body);
            wire.remove("country_code");
            wire.remove("party_id");
            return wire;
        }
    }
}
