package io.ocpi.adapter.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsTheNextLinkAmongOthers() {
        assertThat(OcpiClient.nextLink(List.of("<https://www.server.com/ocpi/cpo/2.2.1/cdrs/?offset=150&limit=50>; rel=\"next\"")))
                .contains("https://www.server.com/ocpi/cpo/2.2.1/cdrs/?offset=150&limit=50");
        assertThat(OcpiClient.nextLink(List.of("<https://a/prev>; rel=\"prev\", <https://a/next>; rel=next")))
                .contains("https://a/next");
        assertThat(OcpiClient.nextLink(List.of("<https://a/prev>; rel=\"prev\""))).isEmpty();
        assertThat(OcpiClient.nextLink(List.of())).isEmpty();
    }
}
