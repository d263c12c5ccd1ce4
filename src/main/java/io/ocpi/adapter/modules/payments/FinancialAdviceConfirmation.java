package io.ocpi.adapter.modules.payments;

import io.ocpi.adapter.ocpi.Price;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import io.ocpi.adapter.protocol.OcpiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Financial Advice Confirmation object: what a PTP captured for one charging session (the session whose
 * {@code authorization_reference} the PTP gave in its StartSession), with the EFT data the CPO's invoice must show.
 */
public record FinancialAdviceConfirmation(
        @NotNull @ObjectId @Size(max = 36) String id,
        @NotNull @CiString @Size(max = 36) String authorizationReference,
        @NotNull @Valid Price totalCosts,
        @NotNull @CiString @Size(max = 3) String currency,
        List<@NotNull @CiString @Size(min = 1, max = 255) String> eftData,
        @NotNull CaptureStatusCode captureStatusCode,
        @CiString @Size(min = 1, max = 255) String captureStatusMessage,
        @NotNull Instant lastUpdated) {

    /**
     * The rule bean validation cannot say: {@code eft_data} holds at least one line, except for a capture that
     * FAILED, which has no payment data to show (the specification's own example of one has none).
     */
    public FinancialAdviceConfirmation requireEftData() {
        if (captureStatusCode != CaptureStatusCode.FAILED && (eftData == null || eftData.isEmpty())) {
            throw OcpiException.invalid("eft_data: at least one line required when capture_status_code is " + captureStatusCode);
        }
        return this;
    }
}
