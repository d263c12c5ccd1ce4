package io.ocpi.adapter.bindings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Replaces the routes of a changed route file while the adapter runs ({@code camel.main.routes-reload-*}), by id, once
 * the file has built in a {@link RouteTrial}: a file that does not build is refused, logged with its file and line,
 * and the routes it had keep running. When a new route builds but does not start, the file's new routes are removed
 * and the routes they replaced start again. A deleted file's routes run until the next start.
 */
@Component
public class RouteReload implements CamelContextConfiguration, ResourceReload {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReload.class);

    private final ConfigurableEnvironment configuration;
    private CamelContext camel;

    public RouteReload(ConfigurableEnvironment configuration) {
        this.configuration = configuration;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        this.camel = camel;
        RouteWatcherReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        if (watcher != null) {
            watcher.setResourceReload(this);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }

    @Override
    public void onReload(String name, Resource resource) {
        Path file = Path.of(resource.getURI());
        if (!Files.exists(file)) {
            LOG.info("{} was deleted: its routes run until the next start", file);
            return;
        }
        List<RouteDefinition> routes;
        try (RouteTrial trial = RouteTrial.on(configuration)) {
            routes = trial.build(file);
        } catch (RouteTrial.RouteFileProblem problem) {
            LOG.error("{} (the file is not loaded; its routes keep running)", problem.getMessage());
            return;
        }
        if (routes.isEmpty()) {
            LOG.info("{} holds no routes: none replaced", file);
            return;
        }
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        // A route without an id of its own is given a new one by each context: only those with ids are replaced.
        List<String> ids = routes.stream().filter(RouteDefinition::hasCustomIdAssigned).map(RouteDefinition::getRouteId).toList();
        List<RouteDefinition> previous = ids.stream().map(model::getRouteDefinition).filter(Objects::nonNull).toList();
        List<String> previousKameletRoutes = kameletRoutesOf(ids);
        try {
            PluginHelper.getRoutesLoader(camel).updateRoutes(List.of(resource));
            // The new routes have made routes of the Kamelets they use: those of the routes they replaced go.
            for (String id : previousKameletRoutes) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            }
            LOG.info("{} reloaded: routes {}", file, String.join(", ", ids.stream().filter(id -> camel.getRoute(id) != null).toList()));
        } catch (Exception e) {
            // Routes start in the file's order: the first that is not running is the one that failed. A route whose
            // binding is switched off (its precondition false) is not created, and failed nothing.
            String failed = routes.stream().filter(RouteDefinition::hasCustomIdAssigned).filter(route -> RouteTrial.switchedOn(camel, route))
                    .map(RouteDefinition::getRouteId)
                    .filter(id -> camel.getRouteController().getRouteStatus(id) != ServiceStatus.Started).findFirst().orElse(null);
            String problem = failed == null ? file + ": " + RouteTrial.messages(e) : RouteTrial.problem(file, routes, failed, e);
            restore(ids, previous);
            // Said once the routes it had run again.
            LOG.error("{} (the file is not loaded; its routes keep running)", problem);
        }
    }

    /** The routes made from Kamelets for these routes ({@code kamelet:sap-sftp-sink} in {@code sap-cdr-to-idoc-file}). */
    private List<String> kameletRoutesOf(List<String> ids) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        return camel.getRoutes().stream().filter(Route::isCreatedByKamelet).map(Route::getRouteId).filter(id -> {
            RouteDefinition kamelet = model.getRouteDefinition(id);
            return kamelet != null && kamelet.getTemplateParameters() != null && ids.contains(kamelet.getTemplateParameters().get("parentRouteId"));
        }).toList();
    }

    /** Removes what was started of the file's new routes, and starts the routes they were to replace again. */
    private void restore(List<String> ids, List<RouteDefinition> previous) {
        try {
            for (String id : ids) {
                if (camel.getRoute(id) != null) {
                    camel.getRouteController().stopRoute(id);
                    camel.removeRoute(id);
                }
            }
            camel.getCamelContextExtension().getContextPlugin(Model.class).addRouteDefinitions(previous);
        } catch (Exception e) {
            LOG.error("the routes {} could not be started again: {}", ids, RouteTrial.messages(e), e);
        }
    }
}
