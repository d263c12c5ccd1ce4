package io.ocpi.adapter.modules.payments;

/** InvoiceCreator enum: which party invoices the driver who paid at a terminal. */
public enum InvoiceCreator {
    /** The CPO, at the terminal's {@code invoice_base_url} followed by the authorization reference. */
    CPO,
    /** The PTP, at the terminal itself. */
    PTP
}
