package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.BusinessDetails;
import io.ocpi.adapter.ocpi.DisplayText;
import io.ocpi.adapter.ocpi.Image;
import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Location object: a place where a CPO has EVSEs, with its address, opening hours and who may see it.
 * {@code parking_places} and {@code help_phone} come from 2.3.0.
 */
public record Location(
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @ObjectId @Size(max = 36) String id,
        @NotNull Boolean publish,
        List<@Valid @NotNull PublishTokenType> publishAllowedTo,
        @Size(max = 255) String name,
        @NotNull @Size(max = 45) String address,
        @NotNull @Size(max = 45) String city,
        @Size(max = 10) String postalCode,
        @Size(max = 20) String state,
        @NotNull @Size(max = 3) String country,
        @NotNull @Valid GeoLocation coordinates,
        List<@Valid @NotNull AdditionalGeoLocation> relatedLocations,
        ParkingType parkingType,
        List<@Valid @NotNull Evse> evses,
        List<@Valid @NotNull Parking> parkingPlaces,
        List<@Valid @NotNull DisplayText> directions,
        @Valid BusinessDetails operator,
        @Valid BusinessDetails suboperator,
        @Valid BusinessDetails owner,
        List<@NotNull Facility> facilities,
        @NotNull @Size(max = 255) String timeZone,
        @Valid Hours openingTimes,
        @CiString @Size(max = 25) String helpPhone,
        Boolean chargingWhenClosed,
        List<@Valid @NotNull Image> images,
        @Valid EnergyMix energyMix,
        @NotNull Instant lastUpdated) implements OwnedObject {

    @Override
    public String objectId() {
        return id;
    }

    // Not public, so Jackson does not write it; its name makes a refusal point at publish_allowed_to.
    @AssertTrue(message = "may only be given when publish is false")
    boolean isPublishAllowedTo() {
        return !Boolean.TRUE.equals(publish) || publishAllowedTo == null || publishAllowedTo.isEmpty();
    }
}
