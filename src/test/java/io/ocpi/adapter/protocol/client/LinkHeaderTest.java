package io.ocpi.adapter.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsTheNextLinkAmongOthers() {
        assertThat(PeerLists.nextLink(List.of("<https://www.server.com/ocpi/cpo/2.2.1/cdrs/?offset=150&limit=50>; rel=\"next\"")))
                .contains("https://www.server.com/ocpi/cpo/2.2.1/cdrs/?offset=150&limit=50");
        assertThat(PeerLists.nextLink(List.of("<https://a/prev>; rel=\"prev\", <https://a/next>; rel=next")))
                .contains("https://a/next");
        assertThat(PeerLists.nextLink(List.of("<https://a/prev>; rel=\"prev\""))).isEmpty();
        assertThat(PeerLists.nextLink(List.of())).isEmpty();
    }
}
