package io.ocpi.adapter.modules.commands.v211;

import static io.ocpi.adapter.protocol.WireFields211.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.modules.tokens.v211.Tokens211;
import io.ocpi.adapter.ocpi.Party;

/** What the OCPI 2.1.1 command requests that carry a token share. */
final class Commands211 {

    private Commands211() {
    }

    /** A 2.1.1 request's token, issued by the eMSP that sends the command. */
    static void tokenToCanonical(ObjectNode request, Party emsp) {
        object(request, "token", "", (token, at) -> Tokens211.toCanonical(token, emsp));
    }

    /** A canonical request in 2.1.1's shape: its token too, and no authorization_reference, which 2.1.1 has not. */
    static void toWire(ObjectNode request) {
        object(request, "token", "", (token, at) -> Tokens211.toWire(token));
        request.remove("authorization_reference");
    }
}
