package io.ocpi.adapter.ocpi;

import java.util.Locale;

/**
 * A party as OCPI addresses it: country code and party id. Both are CiStrings, so a Party is kept upper-case and
 * two spellings of the same party are equal.
 */
public record Party(String countryCode, String partyId) {

    public Party {
        countryCode = countryCode.toUpperCase(Locale.ROOT);
        partyId = partyId.toUpperCase(Locale.ROOT);
    }

    public static Party of(OwnedObject object) {
        return new Party(object.countryCode(), object.partyId());
    }

    @Override
    public String toString() {
        return countryCode + "*" + partyId;
    }
}
