package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.Image;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * EVSE object: the part of a location that charges one vehicle at a time, through one of its connectors.
 * {@code parking} and {@code accepted_service_providers} come from 2.3.0.
 */
public record Evse(
        @NotNull @ObjectId @Size(max = 36) String uid,
        @CiString @Size(max = 48) String evseId,
        @NotNull Status status,
        List<@Valid @NotNull StatusSchedule> statusSchedule,
        List<@NotNull Capability> capabilities,
        @NotEmpty List<@Valid @NotNull Connector> connectors,
        @Size(max = 4) String floorLevel,
        @Valid GeoLocation coordinates,
        @Size(max = 16) String physicalReference,
        List<@Valid @NotNull DisplayText> directions,
        List<@NotNull ParkingRestriction> parkingRestrictions,
        List<@Valid @NotNull EvseParking> parking,
        List<@Valid @NotNull Image> images,
        List<@NotNull @Size(max = 50) String> acceptedServiceProviders,
        @NotNull Instant lastUpdated) {
}
