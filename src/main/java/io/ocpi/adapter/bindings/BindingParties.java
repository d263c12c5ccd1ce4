package io.ocpi.adapter.bindings;

import io.ocpi.adapter.ocpi.CredentialsRole;
import io.ocpi.adapter.ocpi.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Our parties are configured once, in {@code ocpi.roles}; the routes read the party their objects belong to as
 * {@code ocpi.bindings.cpo.country-code}, {@code ocpi.bindings.cpo.party-id}, {@code ocpi.bindings.emsp.country-code},
 * {@code ocpi.bindings.emsp.party-id} and {@code ocpi.bindings.emsp.issuer} (the eMSP's business name, the issuer of
 * its Tokens). This fills those in from the role of that kind. A platform with several parties of one role names the
 * one its bindings write with {@code ocpi.bindings.cpo.party-id} (or {@code emsp}); the rest comes from that role.
 */
public class BindingParties implements EnvironmentPostProcessor {

    static final String SOURCE = "ocpiBindingParties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment settings, SpringApplication application) {
        List<CredentialsRole> roles = Binder.get(settings)
                .bind("ocpi.roles", Bindable.listOf(CredentialsRole.class))
                .orElse(List.of());
        Map<String, Object> derived = new LinkedHashMap<>();
        for (Role role : List.of(Role.CPO, Role.EMSP)) {
            String prefix = "ocpi.bindings." + role.name().toLowerCase(Locale.ROOT) + ".";
            String named = settings.getProperty(prefix + "party-id");
            List<CredentialsRole> candidates = roles.stream()
                    .filter(r -> r.role() == role)
                    .filter(r -> named == null || named.equalsIgnoreCase(r.partyId()))
                    .toList();
            if (candidates.isEmpty()) {
                if (named != null) {
                    throw new IllegalStateException(prefix + "party-id=" + named + " names no " + role + " party of ocpi.roles");
                }
                continue;
            }
            CredentialsRole ours = candidates.get(0);
            derived.put(prefix + "country-code", ours.countryCode());
            derived.put(prefix + "party-id", ours.partyId());
            if (ours.businessDetails() != null && ours.businessDetails().name() != null) {
                derived.put(prefix + "issuer", ours.businessDetails().name());
            }
        }
        settings.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
    }
}
