package io.ocpi.adapter.push;

/** What became of one attempt to deliver an outbox item, as the item's next changes need to know. */
enum Outcome {
    /** Delivered: the object's next change may follow. */
    DELIVERED,
    /** A dead letter: it no longer holds back the object's next change. */
    DEAD,
    /** Tried again later, or given back: the object's next changes wait for it. */
    LATER,
    /** Tried again later, its destination not answering (or OFFLINE): whatever else waits for it is given back. */
    UNANSWERED;

    /** Whether the object's next change, claimed with this one, goes out after it. */
    boolean letsNextGo() {
        return this == DELIVERED || this == DEAD;
    }
}
