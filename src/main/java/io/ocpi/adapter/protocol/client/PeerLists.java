package io.ocpi.adapter.protocol.client;

import com.fasterxml.jackson.databind.JavaType;
import io.ocpi.adapter.protocol.client.PeerDeviations.Deviation;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads a peer's complete paginated list (transport_and_format, "Pagination"), page by page: it follows the
 * {@code Link: <...>; rel="next"} headers while they are usable, and otherwise goes on by offset, from where it is,
 * on the list's own URL with the page size of {@code X-Limit}. A Link is unusable when it points to another scheme,
 * host or port than the list (our token would go there), is no URL or carries {@code None} or {@code null} in its
 * query, repeats or skips objects by its offset, or is missing on a page that {@code X-Total-Count} says is not the
 * last; each is tolerated as a {@link PeerDeviations deviation}. It stops at an empty page or at {@code X-Total-Count},
 * and reads no page twice.
 */
@Component
public class PeerLists {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNUSABLE_VALUES = Set.of("none", "null");

    /** A page of a list that could not be read. */
    public static class PageFailedException extends RuntimeException {

        private final int page;
        private final String url;
        private final long readBefore;

        PageFailedException(int page, String url, long readBefore, PeerCallException cause) {
            super("page " + page + " (GET " + url + "): " + cause.getMessage(), cause);
            this.page = page;
            this.url = url;
            this.readBefore = readBefore;
        }

        public int page() {
            return page;
        }

        public String url() {
            return url;
        }

        /** Objects read from the pages before. */
        public long readBefore() {
            return readBefore;
        }
    }

    private final OcpiClient client;
    private final PeerDeviations deviations;

    public PeerLists(OcpiClient client, PeerDeviations deviations) {
        this.client = client;
        this.deviations = deviations;
    }

    /**
     * Hands each page of the list at {@code url} to {@code pageConsumer}, and returns the number of objects read. A page
     * that cannot be read ends the pull with a {@link PageFailedException}.
     */
    public <T> long pullAll(String url, PeerCredential credential, Class<T> itemType, Map<String, String> headers,
                            Consumer<List<T>> pageConsumer) {
        JavaType listType = client.listType(itemType);
        long start = offsetIn(url);
        Set<String> read = new HashSet<>();
        long count = 0;
        int page = 0;
        boolean byOffset = false;
        String next = url;
        while (next != null) {
            read.add(next);
            page++;
            PeerResponse<List<T>> response;
            try {
                response = client.call("GET", next, credential, null, listType, headers);
            } catch (PeerCallException e) {
                throw new PageFailedException(page, next, count, e);
            }
            List<T> items = response.data() == null ? List.of() : response.data();
            pageConsumer.accept(items);
            count += items.size();
            long position = start + count;
            Long total = number(response, "X-Total-Count");
            if (items.isEmpty() || (total != null && position >= total)) {
                return count;
            }
            Long limit = number(response, "X-Limit");
            if (!byOffset) {
                Optional<String> link = nextLink(response.headers().allValues("Link"));
                if (link.isEmpty() && total == null) {
                    return count;
                }
                Deviation unusable = link.isEmpty() ? Deviation.LINK_MISSING : unusableLink(link.get(), url, position, read);
                if (unusable == null) {
                    next = link.get();
                    continue;
                }
                deviations.tolerated(credential.peerName(url), unusable, "after GET " + next + ": Link " + link.orElse("none"));
                byOffset = true;
            } else if (total == null && limit != null && items.size() < limit) {
                return count;
            }
            next = atOffset(url, position, limit != null ? limit : items.size());
        }
        return count;
    }

    public static Optional<String> nextLink(List<String> linkHeaders) {
        for (String header : linkHeaders) {
            Matcher matcher = NEXT_LINK.matcher(header);
            if (matcher.find()) {
                return Optional.of(matcher.group(1).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code link}, read after {@code position} objects of the list at {@code listUrl}, cannot be followed, or null
     * when it can: another origin (our token would go there), no URL or an unset filter, a page read before or an
     * offset that repeats or skips objects.
     */
    public static Deviation unusableLink(String link, String listUrl, long position, Set<String> read) {
        URI list = URI.create(listUrl);
        URI next;
        MultiValueMap<String, String> query;
        try {
            next = URI.create(link);
            query = UriComponentsBuilder.fromUri(next).build(true).getQueryParams();
        } catch (IllegalArgumentException e) {
            return Deviation.LINK_UNUSABLE;
        }
        if (!list.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme())) || !list.getHost().equalsIgnoreCase(String.valueOf(next.getHost()))
                || port(list) != port(next)) {
            return Deviation.LINK_OTHER_ORIGIN;
        }
        if (query.values().stream().flatMap(List::stream).anyMatch(value -> value != null && UNUSABLE_VALUES.contains(value.toLowerCase()))) {
            return Deviation.LINK_UNUSABLE;
        }
        String offset = query.getFirst("offset");
        if (read.contains(link) || (offset != null && !offset.equals(Long.toString(position)))) {
            return Deviation.LINK_WRONG_OFFSET;
        }
        return null;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static long offsetIn(String url) {
        String offset = UriComponentsBuilder.fromUriString(url).build(true).getQueryParams().getFirst("offset");
        try {
            return offset == null ? 0 : Long.parseLong(offset);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String atOffset(String url, long offset, long limit) {
        return UriComponentsBuilder.fromUriString(url).replaceQueryParam("offset", offset).replaceQueryParam("limit", limit)
                .build(true).toUriString();
    }

    private static Long number(PeerResponse<?> response, String header) {
        try {
            return response.headers().firstValue(header).map(String::trim).map(Long::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
