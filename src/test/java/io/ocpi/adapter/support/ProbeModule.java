package io.ocpi.adapter.support;

import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.Pagination;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A functional module for protocol tests, registered only in the test instances that name it: a paginated list of
 * {@value #SIZE} numbered objects, the n-th last updated n minutes after {@link #EPOCH}. It lets the tests drive the
 * protocol core (authentication of registered peers, pagination) before any real module is involved.
 */
public class ProbeModule extends OcpiRouteBuilder {

    public static final String PATH = "/ocpi/2.2.1/probe";
    public static final int SIZE = 2500;
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    public record Item(int id, Instant lastUpdated) {
    }

    @Autowired
    private Pagination pagination;

    @Override
    public void configure() {
        rest(PATH).get().to("direct:probe-list");

        ocpiRoute("probe-list", Access.REGISTERED)
                .answer((caller, e) -> {
                    PageRequest request = pagination.request(e);
                    List<Item> matching = IntStream.range(0, SIZE)
                            .mapToObj(i -> new Item(i, EPOCH.plusSeconds(60L * i)))
                            .filter(item -> request.dateFrom() == null || !item.lastUpdated().isBefore(request.dateFrom()))
                            .filter(item -> request.dateTo() == null || item.lastUpdated().isBefore(request.dateTo()))
                            .toList();
                    List<Item> page = matching.stream().skip(request.offset()).limit(request.limit()).toList();
                    return pagination.result(PATH, request, new Page<>(page, matching.size()));
                });
    }
}
