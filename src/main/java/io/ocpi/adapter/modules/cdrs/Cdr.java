package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.modules.tariffs.Tariff;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Price;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** CDR object: the final, immutable record of a charging session that the eMSP bills. */
public record Cdr(
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @ObjectId @Size(max = 39) String id,
        @NotNull Instant startDateTime,
        @NotNull Instant endDateTime,
        @ObjectId @Size(max = 36) String sessionId,
        @NotNull @Valid CdrToken cdrToken,
        @NotNull AuthMethod authMethod,
        @CiString @Size(max = 36) String authorizationReference,
        @NotNull @Valid CdrLocation cdrLocation,
        @Size(max = 255) String meterId,
        @NotNull @Size(max = 3) String currency,
        List<@Valid @NotNull Tariff> tariffs,
        @NotEmpty List<@Valid @NotNull ChargingPeriod> chargingPeriods,
        @Valid SignedData signedData,
        @NotNull @Valid Price totalCost,
        @Valid Price totalFixedCost,
        @NotNull BigDecimal totalEnergy,
        @Valid Price totalEnergyCost,
        @NotNull BigDecimal totalTime,
        @Valid Price totalTimeCost,
        BigDecimal totalParkingTime,
        @Valid Price totalParkingCost,
        @Valid Price totalReservationCost,
        @Size(max = 255) String remark,
        @CiString @Size(max = 39) String invoiceReferenceId,
        Boolean credit,
        @CiString @Size(max = 39) String creditReferenceId,
        Boolean homeChargingCompensation,
        @NotNull Instant lastUpdated) implements OwnedObject {

    @Override
    public String objectId() {
        return id;
    }

    // Not public, so Jackson does not write it; its name makes a refusal point at credit_reference_id.
    @AssertTrue(message = "must be set for a credit CDR")
    boolean isCreditReferenceId() {
        return !Boolean.TRUE.equals(credit) || creditReferenceId != null;
    }
}
