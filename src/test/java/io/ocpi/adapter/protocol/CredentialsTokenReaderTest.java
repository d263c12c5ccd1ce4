package io.ocpi.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocpi.adapter.registry.TokenEncoding;
import org.junit.jupiter.api.Test;

class CredentialsTokenReaderTest {

    @Test
    void decodesTheSpecsExamplesIncludingTheirTrailingNewline() {
        // transport_and_format.asciidoc: this value encodes "example-token" followed by a newline.
        assertThat(CredentialsTokenReader.decodeBase64("ZXhhbXBsZS10b2tlbgo=")).contains("example-token");
        assertThat(CredentialsTokenReader.decodeBase64("ZXhhbXBsZS10b2tlbg==")).contains("example-token");
    }

    @Test
    void aPlainTokenIsNoBase64() {
        assertThat(CredentialsTokenReader.decodeBase64("ebf3b399-779f-4497-9b9d-ac6ad3cc44d2")).isEmpty();
        // Valid Base64 that decodes to bytes outside printable ASCII is no token either.
        assertThat(CredentialsTokenReader.decodeBase64("AAECAw==")).isEmpty();
    }

    @Test
    void writesTheHeaderInThePeersEncoding() {
        assertThat(CredentialsTokenReader.header("example-token", TokenEncoding.BASE64)).isEqualTo("Token ZXhhbXBsZS10b2tlbg==");
        assertThat(CredentialsTokenReader.header("example-token", TokenEncoding.PLAIN)).isEqualTo("Token example-token");
    }
}
