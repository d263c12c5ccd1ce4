package io.ocpi.adapter.objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.config.OcpiProperties;
import io.ocpi.adapter.ocpi.Party;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.EncodedList;
import io.ocpi.adapter.protocol.Pagination.Page;
import io.ocpi.adapter.protocol.Pagination.PageRequest;
import io.ocpi.adapter.protocol.Platform;
import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForms;
import io.ocpi.adapter.store.ObjectStore;
import io.ocpi.adapter.store.ObjectStore.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our own objects of each module as its Sender list serves them, held in memory: each object's stored JSON as UTF-8
 * bytes, ordered as pages are ({@code last_updated}, then the key), and written in another version's form once, when
 * a peer on that version first asks for it. A page is found by binary search and its total counted without a query.
 * <p>
 * Every request first reads the store's counts of changes and deletes of every module and owner
 * ({@link ObjectStore#versions}, one small query) and compares them with those its snapshot was read at. When a write
 * has happened since, on this instance or on another sharing the database, it reads the objects changed since the
 * highest change number it holds of each owner (and, after a delete, the owner's keys) before it answers: a page shows
 * every write committed before the request. A module of more objects than {@code ocpi.pagination.held-objects} is
 * left to the store, and so is a list of owners that are not all ours (only our parties' writes are counted).
 */
@Component
public class SenderSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(SenderSnapshots.class);
    /** How long a module found too large to hold is paged from the store before it is counted again. */
    private static final long RECOUNT_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final VersionNumber[] VERSIONS = VersionNumber.values();

    private final ObjectStore store;
    private final WireForms forms;
    private final ObjectMapper json;
    private final Platform platform;
    private final int heldObjects;
    private final Map<Source, Held> held = new ConcurrentHashMap<>();

    public SenderSnapshots(ObjectStore store, WireForms forms, ObjectMapper json, Platform platform, OcpiProperties properties) {
        this.store = store;
        this.forms = forms;
        this.json = json;
        this.platform = platform;
        this.heldObjects = properties.pagination().heldObjects();
    }

    /**
     * One page of the objects of {@code module} owned by {@code owners}, in the request's version; with
     * {@code concerns}, only those that concern one of these parties. Empty when the module is not held (too many
     * objects, or owners that are not ours): the store then serves the page.
     *
     * An object the request's version cannot carry (a field that version requires has no value) is left out of the
     * page, as a push of it becomes a dead letter, so that one such object does not keep a peer from the others; the
     * total still counts it.
     *
     * @param type the canonical type of the module's objects, whose forms write them in other versions
     */
    public Optional<Page<byte[]>> page(String module, Class<?> type, List<Party> owners, Collection<Party> concerns,
                                       PageRequest request) {
        if (owners.isEmpty() || !owners.stream().allMatch(platform::isOurs)) {
            return Optional.empty();
        }
        Held list = held.computeIfAbsent(new Source(module, Set.copyOf(owners)), source -> new Held(source, type));
        Snapshot snapshot = list.upTo(counts(list, store.versions()));
        if (snapshot == null) {
            return Optional.empty();
        }
        Entry[] view = snapshot.view(concerns);
        int from = request.dateFrom() == null ? 0 : firstFrom(view, request.dateFrom());
        int to = Math.max(from, request.dateTo() == null ? view.length : firstFrom(view, request.dateTo()));
        int start = (int) Math.min((long) from + request.offset(), to);
        int end = (int) Math.min((long) start + request.limit(), to);
        VersionNumber version = request.version() == null ? VersionNumber.CANONICAL : request.version();
        List<byte[]> items = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            byte[] item = written(list, view[i], version, snapshot.counts.stamps.get(version.ordinal()));
            if (item != null) {
                items.add(item);
            }
        }
        return Optional.of(new Page<>(new EncodedList(items), to - from));
    }

    /** The first position whose object changed at {@code instant} or later. */
    private static int firstFrom(Entry[] view, Instant instant) {
        int low = 0;
        int high = view.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (view[middle].lastUpdated.isBefore(instant)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The object in {@code version}: its stored text where the version writes its type as canonically; null when the
     * version cannot carry it (a field it requires has no value), which is logged once for each change of the object.
     */
    private byte[] written(Held list, Entry entry, VersionNumber version, long stamp) {
        if (list.forms[version.ordinal()] == null) {
            return entry.canonical;
        }
        Written written = entry.written.get(version.ordinal());
        if (written == null || written.stamp != stamp) {
            written = write(list.type, entry, version, stamp);
            entry.written.set(version.ordinal(), written);
            if (written.untranslatable != null) {
                LOG.warn("{} {} of {} is left out of the OCPI {} list: {}", list.source.module, entry.key.id, entry.key.owner, version,
                        written.untranslatable);
            }
        }
        return written.json;
    }

    private Written write(Class<?> type, Entry entry, VersionNumber version, long stamp) {
        try {
            return new Written(stamp, json.writeValueAsBytes(forms.toWire(type, version, json.readTree(entry.canonical))), null);
        } catch (WireForm.UntranslatableException e) {
            return new Written(stamp, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The counts a list's snapshot is compared with: its module's of each owner, and for each version whose form of
     * the type reads other modules' stored objects, the sum of those modules' counts of the owners (what that
     * version's written objects were written at).
     */
    private Counts counts(Held list, List<ObjectStore.Version> versions) {
        Map<Party, ObjectStore.Version> own = new HashMap<>();
        long[] stamps = new long[VERSIONS.length];
        for (ObjectStore.Version counted : versions) {
            if (!list.source.owners.contains(counted.owner())) {
                continue;
            }
            if (counted.module().equals(list.source.module)) {
                own.put(counted.owner(), counted);
            }
            for (VersionNumber version : VERSIONS) {
                if (list.reads[version.ordinal()].contains(counted.module())) {
                    stamps[version.ordinal()] += counted.changes() + counted.deletes();
                }
            }
        }
        return new Counts(own, Arrays.stream(stamps).boxed().toList());
    }

    /** A Sender list: one module's objects of a set of our owners. */
    private record Source(String module, Set<Party> owners) {
    }

    /** The store's counts a snapshot was read at. */
    private record Counts(Map<Party, ObjectStore.Version> own, List<Long> stamps) {

        long changes(Party owner) {
            ObjectStore.Version counted = own.get(owner);
            return counted == null ? 0 : counted.changes();
        }

        long deletes(Party owner) {
            ObjectStore.Version counted = own.get(owner);
            return counted == null ? 0 : counted.deletes();
        }
    }

    /** An object's key within a list. */
    private record Key(Party owner, String id, String type) {
    }

    /** An object in another version's form, or why it has none, for the counts its form's reads were at. */
    private record Written(long stamp, byte[] json, String untranslatable) {
    }

    /** One held object: what orders and filters it, its stored JSON, and its forms in other versions once written. */
    private static final class Entry {

        static final Comparator<Entry> ORDER = Comparator.<Entry, Instant>comparing(entry -> entry.lastUpdated)
                .thenComparing(entry -> entry.key.owner.countryCode())
                .thenComparing(entry -> entry.key.owner.partyId())
                .thenComparing(entry -> entry.key.id)
                .thenComparing(entry -> entry.key.type);

        final Key key;
        final Instant lastUpdated;
        final Party concerns;
        final byte[] canonical;
        final AtomicReferenceArray<Written> written = new AtomicReferenceArray<>(VERSIONS.length);

        Entry(Party owner, StoredObject stored) {
            this.key = new Key(owner, stored.id(), stored.type());
            this.lastUpdated = stored.lastUpdated();
            this.concerns = stored.concerns();
            this.canonical = stored.body().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A list's objects as of some counts; never changed, replaced by the next. */
    private static final class Snapshot {

        final Counts counts;
        final Map<Party, Long> highestChange;
        final Map<Key, Entry> byKey;
        final Entry[] ordered;
        final Map<Set<Party>, Entry[]> concerning = new ConcurrentHashMap<>();

        Snapshot(Counts counts, Map<Party, Long> highestChange, Map<Key, Entry> byKey, Entry[] ordered) {
            this.counts = counts;
            this.highestChange = highestChange;
            this.byKey = byKey;
            this.ordered = ordered;
        }

        /** The objects, in order, or only those that concern one of {@code concerns}. */
        Entry[] view(Collection<Party> concerns) {
            if (concerns == null) {
                return ordered;
            }
            return concerning.computeIfAbsent(Set.copyOf(concerns),
                    parties -> Arrays.stream(ordered).filter(entry -> entry.concerns != null && parties.contains(entry.concerns))
                            .toArray(Entry[]::new));
        }
    }

    /** The snapshot of one list, brought up to the store's counts when they have moved. */
    private final class Held {

        final Source source;
        final Class<?> type;
        /** For each version, its form of the type (null: written as stored) and the modules that form reads. */
        final WireForm[] forms = new WireForm[VERSIONS.length];
        final Set<?>[] reads = new Set<?>[VERSIONS.length];
        volatile Snapshot current;
        /** While the module is too large to hold: when to count it again. */
        long recountAt;

        Held(Source source, Class<?> type) {
            this.source = source;
            this.type = type;
            for (VersionNumber version : VERSIONS) {
                forms[version.ordinal()] = SenderSnapshots.this.forms.of(type, version).orElse(null);
                reads[version.ordinal()] = forms[version.ordinal()] == null ? Set.of() : forms[version.ordinal()].reads();
            }
        }

        /** The snapshot at {@code counts}; null while the module is too large to hold. */
        Snapshot upTo(Counts counts) {
            Snapshot snapshot = current;
            if (snapshot != null && snapshot.counts.equals(counts)) {
                return snapshot;
            }
            synchronized (this) {
                snapshot = current;
                if (snapshot != null && snapshot.counts.equals(counts)) {
                    return snapshot;
                }
                if (snapshot == null && System.nanoTime() - recountAt < 0) {
                    return null;
                }
                if (snapshot == null && store.count(source.module, source.owners) > heldObjects) {
                    recountAt = System.nanoTime() + RECOUNT_NANOS;
                    return null;
                }
                Snapshot next = read(snapshot, counts);
                if (next.ordered.length > heldObjects) {
                    current = null;
                    recountAt = System.nanoTime() + RECOUNT_NANOS;
                    return null;
                }
                current = next;
                return next;
            }
        }

        /**
         * The snapshot after {@code before} (none: everything is read) at {@code counts}: the objects changed since
         * the highest change number held of each owner whose changes moved, and after a delete the owner's keys, to
         * drop those that are gone.
         */
        private Snapshot read(Snapshot before, Counts counts) {
            Map<Key, Entry> byKey = before == null ? new HashMap<>() : new HashMap<>(before.byKey);
            Map<Party, Long> highestChange = before == null ? new HashMap<>() : new HashMap<>(before.highestChange);
            List<Entry> added = new ArrayList<>();
            for (Party owner : source.owners) {
                long highest = highestChange.getOrDefault(owner, -1L);
                if (before == null || before.counts.changes(owner) != counts.changes(owner)) {
                    for (StoredObject stored : store.changedSince(source.module, owner, highest)) {
                        Entry entry = new Entry(owner, stored);
                        byKey.put(entry.key, entry);
                        added.add(entry);
                        highest = Math.max(highest, stored.change());
                    }
                    highestChange.put(owner, highest);
                }
                if (before != null && before.counts.deletes(owner) != counts.deletes(owner)) {
                    Set<List<String>> present = new HashSet<>(store.keys(source.module, owner));
                    byKey.keySet().removeIf(key -> key.owner.equals(owner) && !present.contains(List.of(key.id, key.type)));
                }
            }
            added.removeIf(entry -> byKey.get(entry.key) != entry);
            added.sort(Entry.ORDER);
            Entry[] kept = before == null ? new Entry[0]
                    : Arrays.stream(before.ordered).filter(entry -> byKey.get(entry.key) == entry).toArray(Entry[]::new);
            return new Snapshot(counts, highestChange, byKey, merged(kept, added));
        }

        private static Entry[] merged(Entry[] kept, List<Entry> added) {
            Entry[] all = new Entry[kept.length + added.size()];
            int k = 0;
            int a = 0;
            for (int i = 0; i < all.length; i++) {
                boolean fromKept = a == added.size() || k < kept.length && Entry.ORDER.compare(kept[k], added.get(a)) <= 0;
                all[i] = fromKept ? kept[k++] : added.get(a++);
            }
            return all;
        }
    }
}
