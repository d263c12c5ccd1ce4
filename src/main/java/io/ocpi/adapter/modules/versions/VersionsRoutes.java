package io.ocpi.adapter.modules.versions;

import io.ocpi.adapter.objects.Modules;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.ocpi.VersionDetails;
import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.OcpiExchange;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
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

    public VersionsRoutes(OcpiUrls urls, Modules modules) {
        this.urls = urls;
        this.modules = modules;
    }

    @Override
    public void configure() {
        rest(OcpiUrls.VERSIONS_PATH).get().to("direct:versions-get");
        rest(OcpiUrls.VERSION_PATH).get().to("direct:version-details-get");

        ocpiRoute("versions-get", Access.REGISTRATION)
                .answer((caller, e) -> versions());

        ocpiRoute("version-details-get", Access.REGISTRATION)
                .answer((caller, e) -> versionDetails(OcpiExchange.version(e)));
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
