package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.protocol.CiString;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** EVSEParking class of 2.3.0: a parking place of the location that a vehicle charging at the EVSE may use. */
public record EvseParking(@NotNull @CiString @Size(max = 36) String parkingId, EvsePosition evsePosition) {
}
