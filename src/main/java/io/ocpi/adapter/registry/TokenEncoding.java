package io.ocpi.adapter.registry;

/**
 * How the credentials token travels in the Authorization header to and from one peer. OCPI 2.2.1 says Base64;
 * many 2.1.1 and 2.2 implementations send the token as it is.
 */
public enum TokenEncoding {
    BASE64, PLAIN
}
