package io.ocpi.adapter.modules.versions;

import io.ocpi.adapter.ocpi.Endpoint;
import io.ocpi.adapter.ocpi.Version;
import io.ocpi.adapter.ocpi.VersionDetails;
import io.ocpi.adapter.protocol.Access;
import io.ocpi.adapter.protocol.OcpiRouteBuilder;
import io.ocpi.adapter.protocol.OcpiUrls;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The versions module: the entry point a peer calls first, with token A or its own token. */
@Component
public class VersionsRoutes extends OcpiRouteBuilder {

    private final OcpiUrls urls;
    private final List<ServesEndpoints> modules;

    public VersionsRoutes(OcpiUrls urls, @Lazy List<ServesEndpoints> modules) {
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

    public VersionDetails versionDetails() {
        List<Endpoint> endpoints = modules.stream()
                .flatMap(m -> m.servedEndpoints().stream())
                .sorted(Comparator.comparing(ServedEndpoint::identifier).thenComparing(ServedEndpoint::role))
                .map(e -> new Endpoint(e.identifier(), e.role(), urls.of(e.path())))
                .toList();
        return new VersionDetails(OcpiUrls.VERSION, endpoints);
    }
}
