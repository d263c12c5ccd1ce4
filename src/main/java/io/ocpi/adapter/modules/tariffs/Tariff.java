package io.ocpi.adapter.modules.tariffs;

import io.ocpi.adapter.modules.locations.EnergyMix;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.Price;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Tariff object: what charging costs at a CPO, owned by the CPO. {@code preauthorize_amount} and {@code tax_included}
 * come from 2.3.0; without {@code tax_included} the prices exclude taxes, as 2.2.1 says.
 */
public record Tariff(
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @ObjectId @Size(max = 36) String id,
        @NotNull @Size(max = 3) String currency,
        TariffType type,
        List<@Valid @NotNull DisplayText> tariffAltText,
        @Size(max = 255) String tariffAltUrl,
        @Valid Price minPrice,
        @Valid Price maxPrice,
        @DecimalMin("0") BigDecimal preauthorizeAmount,
        TaxIncluded taxIncluded,
        @NotEmpty List<@Valid @NotNull TariffElement> elements,
        Instant startDateTime,
        Instant endDateTime,
        @Valid EnergyMix energyMix,
        @NotNull Instant lastUpdated) implements OwnedObject {

    @Override
    public String objectId() {
        return id;
    }
}
