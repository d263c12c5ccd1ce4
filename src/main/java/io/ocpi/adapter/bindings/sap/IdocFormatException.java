package io.ocpi.adapter.bindings.sap;

/** An IDoc file that cannot be read or written, with the record and position at fault. */
public class IdocFormatException extends RuntimeException {

    public IdocFormatException(String message) {
        super(message);
    }
}
