package io.ocpi.adapter.modules.tariffs;

/** ReservationRestrictionType enum: marks tariff elements that price a reservation. */
public enum ReservationRestrictionType {
    RESERVATION, RESERVATION_EXPIRES
}
