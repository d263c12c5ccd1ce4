package io.ocpi.adapter.modules.tokens.v211;

import static io.ocpi.adapter.protocol.WireFields211.invalid;
import static io.ocpi.adapter.protocol.WireFields211.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.AuthorizationInfo;
import org.springframework.stereotype.Component;

/**
 * The OCPI 2.1.1 AuthorizationInfo: {@code allowed}, {@code location} and {@code info}, without the
 * {@code authorization_reference} (optional canonically, so absent) and without the {@code token}. 2.1.1 answers a
 * real-time authorization about the token named in the request's URL, so the token is the asker's to know, not the
 * answer's: whoever asked sets the canonical Token it asked about as {@code token} in the answer before translating it,
 * and an answer without it cannot be made canonical.
 */
@Component
public class AuthorizationInfoForm211 extends Form211 {

    public AuthorizationInfoForm211() {
        super(AuthorizationInfo.class);
    }

    @Override
    public ObjectNode toCanonical(ObjectNode wire, Parties parties) {
        if (!wire.hasNonNull("token")) {
            throw invalid("token", "a 2.1.1 AuthorizationInfo names no token: the token asked about must be set in it");
        }
        ObjectNode info = wire.deepCopy();
        object(info, "location", "", (references, at) -> Tokens211.locationReferencesToCanonical(references));
        return info;
    }

    @Override
    public ObjectNode toWire(ObjectNode canonical) {
        ObjectNode info = canonical.deepCopy();
        info.remove("token");
        info.remove("authorization_reference");
        return info;
    }
}
