package io.ocpi.adapter.modules.versions;

import io.ocpi.adapter.objects.Modules;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.Role;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.ocpi.VersionDetails;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import io.ocpi.adapter.protocol.Platform;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The versions module: the entry point a peer calls first, with token A or its own token. {@code /ocpi/versions}
 * lists every enabled version ({@code ocpi.versions.enabled}); each version's details, at {@code /ocpi/<version>},
 * list the interfaces of the modules that version has.
 */
@Component
public class VersionsRoutes extends OcpiRouteBuilder {

    private final OcpiUrls urls;
    private final Modules modules;
    private final Platform platform;

    public VersionsRoutes(OcpiUrls urls, Modules modules, Platform platform) {
        this.urls = urls;
        this.modules = modules;
        this.platform = platform;
    }

    @Override
    public void configure() {
        rest(OcpiUrls.VERSIONS_PATH).get().to("direct:versions-get");
        rest(OcpiUrls.VERSION_PATH).get().to("direct:version-details-get");

        ocpiRoute("versions-get", Access.REGISTRATION)
                .answer((caller, e) -> versions());

        ocpiRoute("version-details-get", Access.REGISTRATION)
                .answer((caller, e) -> OcpiExchange.version(e) == VersionNumber.V2_1_1
                        ? versionDetails211(platform.roleTowards(caller.peer()).orElse(null))
                        : versionDetails(OcpiExchange.version(e)));
    }

    /** An endpoint of OCPI 2.1.1 version details: no interface role, a 2.1.1 party having one role. */
    public record Endpoint211(String identifier, String url) {
    }

    /** OCPI 2.1.1 version details. */
    public record VersionDetails211(String version, List<Endpoint211> endpoints) {
    }

    /**
     * Our OCPI 2.1.1 version details for a caller: the interfaces of the one role of ours it trades with (our CPO's
     * Sender of locations and Receiver of tokens, ..., or our eMSP's); credentials alone while that role is unknown,
     * which the registration then tells the peer.
     */
    public VersionDetails211 versionDetails211(Role ourRole) {
        VersionNumber version = VersionNumber.V2_1_1;
        List<Endpoint211> endpoints = modules.in(version).stream()
                .flatMap(module -> module.served().stream()
                        .filter(served -> OcpiUrls.side(served.path()).map(side -> side == ourRole).orElse(true))
                        .map(served -> new Endpoint211(module.id(), urls.of(OcpiUrls.in(version, served.path())))))
                .sorted(Comparator.comparing(Endpoint211::identifier))
                .toList();
        return new VersionDetails211(version.text(), endpoints);
    }

    /**
     * Every enabled version with the URL of its details: the canonical one first (a peer that takes the first entry
     * it knows gets the version every module speaks natively), then the others in version order.
     */
    public List<Version> versions() {
        return modules.enabled().stream()
                .sorted(Comparator.comparing((VersionNumber version) -> version != VersionNumber.CANONICAL))
                .map(version -> new Version(version.text(), urls.versionDetails(version)))
                .toList();
    }

    /** The 2.2.1 version details. */
    public VersionDetails versionDetails() {
        return versionDetails(VersionNumber.V2_2_1);
    }

    /** Every interface each module of {@code version} serves ({@link OcpiModule#served()}), by module identifier and role. */
    public VersionDetails versionDetails(VersionNumber version) {
        List<Endpoint> endpoints = modules.in(version).stream()
                .flatMap(module -> module.served().stream()
                        .map(served -> new Endpoint(module.id(), served.role(), urls.of(OcpiUrls.in(version, served.path())))))
                .sorted(Comparator.comparing(Endpoint::identifier).thenComparing(Endpoint::role))
                .toList();
        return new VersionDetails(version.text(), endpoints);
    }
}
