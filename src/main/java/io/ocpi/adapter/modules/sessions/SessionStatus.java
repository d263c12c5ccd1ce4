package io.ocpi.adapter.modules.sessions;

/** SessionStatus enum. A session is never deleted: it ends COMPLETED, or INVALID when it will not be billed. */
public enum SessionStatus {
    ACTIVE, COMPLETED, INVALID, PENDING, RESERVATION
}
