package io.ocpi.adapter.modules.sessions;

import io.ocpi.adapter.modules.cdrs.AuthMethod;
import io.ocpi.adapter.modules.cdrs.CdrToken;
import io.ocpi.adapter.modules.cdrs.ChargingPeriod;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Price;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Session object: a charging session as it happens, owned by the CPO. */
public record Session(
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @ObjectId @Size(max = 36) String id,
        @NotNull Instant startDateTime,
        Instant endDateTime,
        @NotNull BigDecimal kwh,
        @NotNull @Valid CdrToken cdrToken,
        @NotNull AuthMethod authMethod,
        @CiString @Size(max = 36) String authorizationReference,
        @NotNull @ObjectId @Size(max = 36) String locationId,
        @NotNull @ObjectId @Size(max = 36) String evseUid,
        @NotNull @ObjectId @Size(max = 36) String connectorId,
        @Size(max = 255) String meterId,
        @NotNull @Size(max = 3) String currency,
        List<@Valid @NotNull ChargingPeriod> chargingPeriods,
        @Valid Price totalCost,
        @NotNull SessionStatus status,
        @NotNull Instant lastUpdated) implements OwnedObject {

    @Override
    public String objectId() {
        return id;
    }
}
