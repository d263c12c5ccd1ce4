package io.ocpi.adapter.support;

import io.ocpi.adapter.bindings.sap.IdocFlatFile;

/** OCPI objects for tests, as a peer or an enterprise route would write them. */
public final class Samples {

    private Samples() {
    }

    /** A location of ours (owner NL*ADC by default) with one EVSE and one connector. */
    public static String location(String id, String lastUpdated) {
        return """
                {"country_code":"NL","party_id":"%s","id":"%s","publish":true,"address":"Stationsplein 1","city":"Utrecht",
                 "country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"time_zone":"Europe/Amsterdam",
                 "evses":[{"uid":"%s-E1","status":"AVAILABLE","connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET",
                 "power_type":"AC_3_PHASE","max_voltage":230,"max_amperage":32,"last_updated":"%s"}],"last_updated":"%s"}],
                 "last_updated":"%s"}""".formatted("ADC", id, id, lastUpdated, lastUpdated, lastUpdated);
    }

    /** A session owned by {@code owner}, for a token of the eMSP {@code emsp}. */
    public static String session(String owner, String id, String emsp, String lastUpdated) {
        return """
                {"country_code":"NL","party_id":"%s","id":"%s","start_date_time":"2024-01-01T10:00:00Z","kwh":1.5,
                 "cdr_token":{"country_code":"NL","party_id":"%s","uid":"T-%s","type":"RFID","contract_id":"NL-%s-1"},
                 "auth_method":"WHITELIST","location_id":"LOC1","evse_uid":"EVSE1","connector_id":"1","currency":"EUR",
                 "status":"ACTIVE","last_updated":"%s"}""".formatted(owner, id, emsp, id, emsp, lastUpdated);
    }

    /** A CDR owned by {@code owner}, for a token of the eMSP {@code emsp}. */
    public static String cdr(String owner, String id, String emsp) {
        return """
                {"country_code":"NL","party_id":"%s","id":"%s","start_date_time":"2024-01-01T10:00:00Z","end_date_time":"2024-01-01T11:00:00Z",
                 "cdr_token":{"country_code":"NL","party_id":"%s","uid":"T1","type":"RFID","contract_id":"NL-%s-1"},
                 "auth_method":"WHITELIST","cdr_location":{"id":"LOC1","address":"Stationsplein 1","city":"Utrecht","country":"NLD",
                 "coordinates":{"latitude":"52.089444","longitude":"5.110278"},"evse_uid":"EVSE1","evse_id":"NL*ADC*E1","connector_id":"1",
                 "connector_standard":"IEC_62196_T2","connector_format":"SOCKET","connector_power_type":"AC_3_PHASE"},
                 "currency":"EUR","charging_periods":[{"start_date_time":"2024-01-01T10:00:00Z","dimensions":[{"type":"ENERGY","volume":10}]}],
                 "total_cost":{"excl_vat":2.5},"total_energy":10,"total_time":1,"last_updated":"2024-01-01T11:05:00Z"}""".formatted(owner, id, emsp, emsp);
    }

    /** A tariff of 0.25 per kWh. */
    public static String tariff(String owner, String id) {
        return """
                {"country_code":"NL","party_id":"%s","id":"%s","currency":"EUR","elements":[{"price_components":[
                 {"type":"ENERGY","price":0.25,"step_size":1}]}],"last_updated":"2024-01-01T00:00:00Z"}""".formatted(owner, id);
    }

    /** A token of our eMSP NL*ADE. */
    public static String token(String uid, boolean valid, String lastUpdated) {
        return """
                {"country_code":"NL","party_id":"ADE","uid":"%s","type":"RFID","contract_id":"NL-ADE-%s","issuer":"Utility",
                 "valid":%s,"whitelist":"ALLOWED","last_updated":"%s"}""".formatted(uid, uid, valid, lastUpdated);
    }

    /** A contract IDoc (ZOCPICON01) as SAP's file port writes it: a control record, the contract, one card. */
    public static String contractIdoc(String docnum, String contractId, String status, String uid) {
        StringBuilder control = new StringBuilder();
        IdocFlatFile.CONTROL_FIELDS.forEach((field, length) -> control.append(pad(switch (field) {
            case "TABNAM" -> "EDI_DC40";
            case "DOCNUM" -> docnum;
            case "IDOCTYP" -> "ZOCPICON01";
            case "MESTYP" -> "ZOCPICON";
            case "SNDPRN" -> "SAPCLNT100";
            default -> "";
        }, length)));
        String head = pad("Z2CONHD000", 30) + pad("100", 3) + docnum + "000001" + "000000" + "02"
                + pad(contractId, 36) + pad(status, 10) + pad("", 8) + pad("nl", 2) + "20250301120000";
        String card = pad("Z2CONCD000", 30) + pad("100", 3) + docnum + "000002" + "000001" + "03"
                + pad(uid, 36) + pad("RFID", 12) + pad("UMS-" + uid, 64);
        return control.toString().stripTrailing() + "\n" + head.stripTrailing() + "\n" + card.stripTrailing() + "\n";
    }

    private static String pad(String value, int length) {
        return String.format("%-" + length + "s", value);
    }
}
