package io.ocpi.adapter.protocol.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What peers get wrong and we tolerate: each deviation is logged once per peer (WARN, naming it) and counted every
 * time in {@code ocpi.peer.deviations}, tagged by peer and deviation, so that the operator can tell the partner.
 */
@Component
public class PeerDeviations {

    /** A deviation from OCPI 2.2.1 we tolerate; its tag in the metric, and what it means. */
    public enum Deviation {
        LINK_OTHER_ORIGIN("link-other-origin", "a Link header pointing to another scheme, host or port than the list; paging on by offset"),
        LINK_UNUSABLE("link-unusable", "a Link header that is no URL, or whose query carries None or null; paging on by offset"),
        LINK_MISSING("link-missing", "no Link header on a page that is not the last (X-Total-Count); paging on by offset"),
        LINK_WRONG_OFFSET("link-wrong-offset", "a Link header whose offset repeats or skips objects; paging on by offset"),
        ONE_ELEMENT_ARRAY("one-element-array", "a single object wrapped in a one-element array; its one element taken"),
        TOKEN_ENCODING("token-encoding", "its versions endpoint refuses the token encoding it was set to and takes the other; switched to it");

        private final String tag;
        private final String description;

        Deviation(String tag, String description) {
            this.tag = tag;
            this.description = description;
        }

        public String tag() {
            return tag;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PeerDeviations.class);

    private final MeterRegistry meters;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public PeerDeviations(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The peer {@code peer} deviated as {@code deviation} describes; {@code detail} says where (a URL, a field). */
    public void tolerated(String peer, Deviation deviation, String detail) {
        Counter.builder("ocpi.peer.deviations").description("Deviations from OCPI 2.2.1 tolerated, by peer")
                .tag("peer", peer).tag("deviation", deviation.tag).register(meters).increment();
        if (logged.add(peer + "\n" + deviation.tag)) {
            LOG.warn("peer {} deviates from OCPI 2.2.1 ({}): {}. Tolerated; logged once, counted in ocpi.peer.deviations: {}",
                    peer, deviation.tag, deviation.description, detail);
        }
    }
}
