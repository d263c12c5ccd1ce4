package io.ocpi.adapter.modules.cdrs;

import io.ocpi.adapter.modules.locations.ConnectorFormat;
import io.ocpi.adapter.modules.locations.ConnectorType;
import io.ocpi.adapter.modules.locations.GeoLocation;
import io.ocpi.adapter.modules.locations.PowerType;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * CdrLocation class: where a session took place, reduced to the EVSE and connector used. {@code address} and
 * {@code state} accept the longer lengths of the 2.2.1 errata (255 and 45), which real addresses need.
 */
public record CdrLocation(
        @NotNull @ObjectId @Size(max = 36) String id,
        @Size(max = 255) String name,
        @NotNull @Size(max = 255) String address,
        @NotNull @Size(max = 45) String city,
        @Size(max = 10) String postalCode,
        @Size(max = 45) String state,
        @NotNull @Size(max = 3) String country,
        @NotNull @Valid GeoLocation coordinates,
        @NotNull @ObjectId @Size(max = 36) String evseUid,
        @NotNull @CiString @Size(max = 48) String evseId,
        @NotNull @ObjectId @Size(max = 36) String connectorId,
        @NotNull ConnectorType connectorStandard,
        @NotNull ConnectorFormat connectorFormat,
        @NotNull PowerType connectorPowerType) {
}
