package io.ocpi.adapter.modules.sessions;

import io.ocpi.adapter.objects.Kind;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.ModuleId;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.Role;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The sessions module: a CPO's sessions, each concerning the eMSP whose token is charging; a PATCH appends its
 * charging periods. A sessions list wants a {@code date_from}, so a pull of all of them asks from the epoch.
 */
@Component
public class SessionsModule extends OcpiModule {

    public static final Kind<Session> KIND = Kind.of(ModuleId.SESSIONS, Session.class, Role.CPO)
            .concerning(session -> new Party(session.cdrToken().countryCode(), session.cdrToken().partyId()))
            .patchedBy(SessionsRoutes::appendChargingPeriods)
            .pulledFrom(Instant.EPOCH);

    public SessionsModule() {
        super(KIND, sender(SessionsRoutes.SENDER), receiver(SessionsRoutes.RECEIVER));
    }
}
