package io.ocpi.adapter.protocol;

import io.ocpi.adapter.ocpi.Party;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.camel.Message;

/**
 * The message routing headers of functional modules (transport_and_format.asciidoc, "Message Routing"): who a request
 * is from and to. Either pair may be absent (a direct connection without them, or an open routing request); a pair
 * that is present must be whole and well formed.
 */
public record RoutingHeaders(Party from, Party to) {

    public static final String TO_COUNTRY_CODE = "OCPI-to-country-code";
    public static final String TO_PARTY_ID = "OCPI-to-party-id";
    public static final String FROM_COUNTRY_CODE = "OCPI-from-country-code";
    public static final String FROM_PARTY_ID = "OCPI-from-party-id";

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9]{3}");

    /** Whether a header is one of the four routing headers, which OCPI 2.1.1 does not have. */
    public static boolean isRoutingHeader(String name) {
        return name.equalsIgnoreCase(TO_COUNTRY_CODE) || name.equalsIgnoreCase(TO_PARTY_ID) || name.equalsIgnoreCase(FROM_COUNTRY_CODE)
                || name.equalsIgnoreCase(FROM_PARTY_ID);
    }

    /** The routing headers of a request we send: from one of our parties, to the party addressed. */
    public static java.util.Map<String, String> outgoing(Party from, Party to) {
        return java.util.Map.of(FROM_COUNTRY_CODE, from.countryCode(), FROM_PARTY_ID, from.partyId(),
                TO_COUNTRY_CODE, to.countryCode(), TO_PARTY_ID, to.partyId());
    }

    /** The routing headers of an answer: from the party that answers, to the party that asked (when known). */
    public static java.util.Map<String, String> answer(Party answering, Party asking) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(FROM_COUNTRY_CODE, answering.countryCode());
        headers.put(FROM_PARTY_ID, answering.partyId());
        if (asking != null) {
            headers.put(TO_COUNTRY_CODE, asking.countryCode());
            headers.put(TO_PARTY_ID, asking.partyId());
        }
        return headers;
    }

    public static RoutingHeaders read(Message in) {
        UnaryOperator<String> header = name -> in.getHeader(name, String.class);
        return new RoutingHeaders(
                party(header, FROM_COUNTRY_CODE, FROM_PARTY_ID),
                party(header, TO_COUNTRY_CODE, TO_PARTY_ID));
    }

    /** One party of the routing headers, null when the request names none. */
    static Party party(UnaryOperator<String> header, String countryHeader, String partyHeader) {
        String country = header.apply(countryHeader);
        String party = header.apply(partyHeader);
        if (country == null && party == null) {
            return null;
        }
        if (country == null || party == null) {
            throw OcpiException.invalid((country == null ? countryHeader : partyHeader) + ": missing while "
                    + (country == null ? partyHeader : countryHeader) + " is present");
        }
        if (!COUNTRY.matcher(country.trim()).matches()) {
            throw OcpiException.invalid(countryHeader + ": '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        if (!PARTY.matcher(party.trim()).matches()) {
            throw OcpiException.invalid(partyHeader + ": '" + party + "' is not a 3-character party id");
        }
        return new Party(country.trim(), party.trim());
    }
}
