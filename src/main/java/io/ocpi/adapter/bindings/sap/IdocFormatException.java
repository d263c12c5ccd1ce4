package io.ocpi.adapter.bindings.sap;

import io.ocpi.adapter.push.RefusedForGood;

/** An IDoc file that cannot be read or written, with the record and position at fault. */
public class IdocFormatException extends RuntimeException implements RefusedForGood {

    public IdocFormatException(String message) {
        super(message);
    }
}
