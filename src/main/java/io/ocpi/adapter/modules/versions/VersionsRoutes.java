package io.ocpi.adapter.modules.versions;

import io.ocpi.adapter.objects.Modules;
import io.ocpi.adapter.objects.OcpiModule;
import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.ocpi.VersionDetails;
import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The versions module: the entry point a peer calls first, with token A or its own token. */
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
        rest(OcpiUrls.BASE_PATH)
                .get("/versions").to("direct:versions-get")
                .get("/" + OcpiUrls.VERSION).to("direct:version-details-get");

        ocpiRoute("versions-get", Access.REGISTRATION)
                .answer((caller, e) -> List.of(new Version(OcpiUrls.VERSION, urls.versionDetails())));

        ocpiRoute("version-details-get", Access.REGISTRATION)
                .answer((caller, e) -> versionDetails());
    }

    /** Every interface each module serves ({@link OcpiModule#served()}), by module identifier and role. */
    public VersionDetails versionDetails() {
        List<Endpoint> endpoints = modules.all().stream()
                .flatMap(module -> module.served().stream()
                        .map(served -> new Endpoint(module.id(), served.role(), urls.of(served.path()))))
                .sorted(Comparator.comparing(Endpoint::identifier).thenComparing(Endpoint::role))
                .toList();
        return new VersionDetails(OcpiUrls.VERSION, endpoints);
    }
}
