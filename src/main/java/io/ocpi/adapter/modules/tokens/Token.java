package io.ocpi.adapter.modules.tokens;

import io.ocpi.adapter.ocpi.OwnedObject;
import io.ocpi.adapter.ocpi.ProfileType;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Token object: a driver's means of identification (RFID card, app account) as the eMSP that issued it describes it.
 * A token is known by uid and type together, so the same uid may exist once per {@link TokenType}.
 */
public record Token(
        @NotNull @CiString @Size(max = 2) String countryCode,
        @NotNull @CiString @Size(max = 3) String partyId,
        @NotNull @ObjectId @Size(max = 36) String uid,
        @NotNull TokenType type,
        @NotNull @CiString @Size(max = 36) String contractId,
        @Size(max = 64) String visualNumber,
        @NotNull @Size(max = 64) String issuer,
        @CiString @Size(max = 36) String groupId,
        @NotNull Boolean valid,
        @NotNull WhitelistType whitelist,
        @Size(max = 2) String language,
        ProfileType defaultProfileType,
        @Valid EnergyContract energyContract,
        @NotNull Instant lastUpdated) implements OwnedObject {

    @Override
    public String objectId() {
        return uid;
    }
}
