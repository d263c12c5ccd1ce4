package io.ocpi.adapter.modules.tokens.v211;

import static io.ocpi.adapter.protocol.WireFields211.invalid;
import static io.ocpi.adapter.protocol.WireFields211.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.AuthorizationInfo;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.DeclaredWireForm;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 AuthorizationInfo: {@code allowed}, {@code location} and {@code info}, without the
 * {@code authorization_reference} (optional canonically, so absent) and without the {@code token}. 2.1.1 answers a
 * real-time authorization about the token named in the request's URL, so the token is the asker's to know, not the
 * answer's: whoever asked sets the canonical Token it asked about as {@code token} in the answer before translating it,
 * and an answer without it cannot be made canonical.
 */
@Component
public class AuthorizationInfoForm211 extends DeclaredWireForm {

    public AuthorizationInfoForm211() {
        super(AuthorizationInfo.class, VersionNumber.V2_1_1, (info, parties) -> fromV211(info), AuthorizationInfoForm211::toV211);
    }

    private static void fromV211(ObjectNode info) {
        if (!info.hasNonNull("token")) {
            throw invalid("token", "a 2.1.1 AuthorizationInfo names no token: the token asked about must be set in it");
        }
        object(info, "location", "", (references, at) -> Tokens211.locationReferencesToCanonical(references));
    }

    private static void toV211(ObjectNode info) {
        info.remove("token");
        info.remove("authorization_reference");
    }
}
