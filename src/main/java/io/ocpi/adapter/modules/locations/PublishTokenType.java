package io.ocpi.adapter.modules.locations;

import io.ocpi.adapter.modules.tokens.TokenType;
import io.ocpi.adapter.protocol.CiString;
import io.ocpi.adapter.protocol.ObjectId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/** PublishTokenType class: identifies the token, or group of tokens, whose owners may see an unpublished location. */
public record PublishTokenType(
        @ObjectId @Size(max = 36) String uid,
        TokenType type,
        @Size(max = 64) String visualNumber,
        @Size(max = 64) String issuer,
        @CiString @Size(max = 36) String groupId) {

    // The three checks below are not public, so Jackson does not write them; each is named after the field a refusal
    // should point at.

    @AssertTrue(message = "one of uid, visual_number or group_id must be set")
    boolean isUid() {
        return uid != null || visualNumber != null || groupId != null;
    }

    @AssertTrue(message = "must be set when uid is set")
    boolean isType() {
        return uid == null || type != null;
    }

    @AssertTrue(message = "must be set when visual_number is set")
    boolean isIssuer() {
        return visualNumber == null || issuer != null;
    }
}
