package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.ocpi.Image;
import io.ocpi.adapter.protocol.CiString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Parking object of 2.3.0: a parking place at a location, for the vehicles charging at its EVSEs. */
public record Parking(
        @NotNull @CiString @Size(max = 36) String id,
        @Size(max = 12) String physicalReference,
        @NotEmpty List<@NotNull VehicleType> vehicleTypes,
        BigDecimal maxVehicleWeight,
        BigDecimal maxVehicleHeight,
        BigDecimal maxVehicleLength,
        BigDecimal maxVehicleWidth,
        BigDecimal parkingSpaceLength,
        BigDecimal parkingSpaceWidth,
        Boolean dangerousGoodsAllowed,
        ParkingDirection direction,
        Boolean driveThrough,
        @NotNull Boolean restrictedToType,
        @NotNull Boolean reservationRequired,
        BigDecimal timeLimit,
        Boolean roofed,
        List<@Valid @NotNull Image> images,
        Boolean lighting,
        Boolean refrigerationOutlet,
        List<@NotNull @CiString @Size(max = 36) String> standards,
        @CiString String apdsReference) {
}
