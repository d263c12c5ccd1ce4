package io.ocpi.adapter.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocpi.adapter.ocpi.VersionNumber;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a peer probe found: one line per check and area (e.g. {@code link-header} of the locations Sender), in the
 * OCPI version it was held to, which conforms, deviates (with what was seen) or was skipped (with why: a check the
 * version does not have is "not in OCPI 2.1.1"). A check deviates as soon as one of its observations does; it
 * conforms when it was made and never deviated.
 */
public final class ProbeReport {

    public enum Outcome { CONFORMS, DEVIATES, SKIPPED }

    /** One check of one area, in the OCPI version it was held to, with the observations that decided it. */
    public record Check(String area, String name, VersionNumber version, Outcome outcome, List<String> details) {
    }

    /** Deviations listed per check; a partner serving a thousand broken objects gets the first few and a count. */
    private static final int DETAILS_SHOWN = 5;

    private final String versionsUrl;
    private final Map<String, Entry> checks = new LinkedHashMap<>();
    private boolean connected;
    private VersionNumber version;

    public ProbeReport(String versionsUrl) {
        this.versionsUrl = versionsUrl;
    }

    void conforms(String area, String check, String detail) {
        entry(area, check).conforming.add(detail);
    }

    void deviates(String area, String check, String detail) {
        entry(area, check).deviations.add(detail);
    }

    void skipped(String area, String check, String why) {
        List<String> reasons = entry(area, check).skipped;
        if (!reasons.contains(why)) {
            reasons.add(why);
        }
    }

    /** The version the checks from now on hold the peer to: the one it is registered with, or is about to be. */
    void speaking(VersionNumber version) {
        this.version = version;
    }

    /** Records whether the peer could be registered with; a probe that could not says so and conforms to nothing. */
    void connected(boolean connected) {
        this.connected = connected;
    }

    public boolean isConnected() {
        return connected;
    }

    public boolean conforms() {
        return connected && checks().stream().noneMatch(c -> c.outcome() == Outcome.DEVIATES);
    }

    public List<Check> checks() {
        return checks.values().stream().map(Entry::check).toList();
    }

    /** The deviations only, e.g. to name them in a test. */
    public List<Check> deviations() {
        return checks().stream().filter(c -> c.outcome() == Outcome.DEVIATES).toList();
    }

    /** Exit code of the command: 0 conforms, 1 deviates, 2 the peer could not be registered with. */
    public int exitCode() {
        return !connected ? 2 : conforms() ? 0 : 1;
    }

    public void printText(PrintStream out) {
        out.println("OCPI " + (version == null ? "" : version.text() + " ") + "conformance of the peer at " + versionsUrl);
        int area = checks().stream().mapToInt(c -> c.area().length()).max().orElse(0);
        int name = checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Check check : checks()) {
            String first = String.format("%-9s %-5s %-" + area + "s  %-" + name + "s  ", check.outcome(),
                    check.version() == null ? "-" : check.version().text(), check.area(), check.name());
            for (int i = 0; i < check.details().size(); i++) {
                out.println((i == 0 ? first : " ".repeat(first.length())) + check.details().get(i));
            }
        }
        long deviating = deviations().size();
        out.println(!connected ? "Result: could not register with the peer"
                : deviating == 0 ? "Result: conforms (" + checks.size() + " checks)"
                : "Result: deviates in " + deviating + " of " + checks.size() + " checks");
    }

    public void printJson(PrintStream out, ObjectMapper json) {
        ObjectNode report = json.createObjectNode()
                .put("versions_url", versionsUrl)
                .put("version", version == null ? null : version.text())
                .put("connected", connected)
                .put("conforms", conforms());
        ArrayNode list = report.putArray("checks");
        for (Check check : checks()) {
            ObjectNode item = list.addObject().put("area", check.area()).put("check", check.name())
                    .put("version", check.version() == null ? null : check.version().text()).put("outcome", check.outcome().name());
            check.details().forEach(item.putArray("details")::add);
        }
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Entry entry(String area, String check) {
        return checks.computeIfAbsent(area + " " + check, key -> new Entry(area, check, version));
    }

    private static final class Entry {
        final String area;
        final String name;
        final VersionNumber version;
        final List<String> conforming = new ArrayList<>();
        final List<String> deviations = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        Entry(String area, String name, VersionNumber version) {
            this.area = area;
            this.name = name;
            this.version = version;
        }

        Check check() {
            if (!deviations.isEmpty()) {
                List<String> shown = new ArrayList<>(deviations.subList(0, Math.min(DETAILS_SHOWN, deviations.size())));
                if (deviations.size() > DETAILS_SHOWN) {
                    shown.add("and " + (deviations.size() - DETAILS_SHOWN) + " more");
                }
                return new Check(area, name, version, Outcome.DEVIATES, shown);
            }
            if (!conforming.isEmpty()) {
                return new Check(area, name, version, Outcome.CONFORMS, List.of(conforming.get(0)));
            }
            return new Check(area, name, version, Outcome.SKIPPED, List.copyOf(skipped));
        }
    }
}
