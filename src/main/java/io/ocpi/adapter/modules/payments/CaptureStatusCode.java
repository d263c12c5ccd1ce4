package io.ocpi.adapter.modules.payments;

/** CaptureStatusCode enum: how the capture of a payment at the payment service provider ended. */
public enum CaptureStatusCode {
    SUCCESS, PARTIAL_SUCCESS, FAILED
}
