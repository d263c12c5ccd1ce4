package io.ocpi.adapter.modules.payments;

import io.ocpi.adapter.modules.locations.GeoLocation;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Terminal object: one payment terminal of a PTP, and the locations and EVSEs of ours it takes payments for.
 * {@code country_code} and {@code party_id} name the CPO it serves (an alternative to {@code customer_reference}), not
 * its owner: the PTP that sends it owns it. {@code last_updated} may be absent when the PTP creates it: the
 * specification lets that POST carry the terminal id alone.
 */
public record Terminal(
        @NotNull @ObjectId @Size(max = 36) String terminalId,
        @CiString @Size(max = 36) String customerReference,
        @CiString @Size(max = 3) String partyId,
        @CiString @Size(max = 2) String countryCode,
        @CiString @Size(max = 45) String address,
        @CiString @Size(max = 45) String city,
        @CiString @Size(max = 10) String postalCode,
        @CiString @Size(max = 20) String state,
        @CiString @Size(max = 3) String country,
        @Valid GeoLocation coordinates,
        @Size(max = 255) String invoiceBaseUrl,
        InvoiceCreator invoiceCreator,
        @CiString @Size(max = 36) String reference,
        List<@NotNull @ObjectId @Size(max = 36) String> locationIds,
        List<@NotNull @ObjectId @Size(max = 36) String> evseUids,
        Instant lastUpdated) {
}
