package io.ocpi.adapter.bindings;

import io.ocpi.adapter.protocol.OcpiJson;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.engine.DefaultDataFormatResolver;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatResolver;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;

/**
 * The routes of one file of {@code routes/}, loaded as the adapter loads them, with the adapter's configuration (and
 * {@link #settings()} on top) and the real {@code mappings/}, in a Camel context of their own that no backend
 * joins: a test replaces a route's SFTP, Kafka or SQL endpoint by a mock with {@code AdviceWith}, starts the routes
 * it tests ({@link #start}) and asserts what reaches the mocks. Mocks are named by the endpoint's URI without its
 * options ({@code mock://kafka:cpms.evse-status.dlt}). The pattern to copy for a route file of one's own.
 */
abstract class RouteFileTestSupport extends CamelTestSupport {

    private RouteTrial configuration;

    /** The file of {@code routes/} under test, e.g. {@code billing.camel.yaml}. */
    abstract String routeFile();

    /** Settings over the adapter's configuration, e.g. the binding switched on. */
    Map<String, String> settings() {
        return Map.of();
    }

    /** The beans the file's routes name ({@code #idoc}, {@code #billing}, ...). */
    void bind(Registry registry) throws Exception {
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        // Each test advises the routes it tests, then starts the context.
        test.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // Placeholders resolved as in the adapter and in --check: from application.yaml, config/ and the settings.
        configuration = RouteTrial.reading(settings().entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new));
        camel.getPropertiesComponent().addPropertiesSource(configuration.placeholders());
        configuration.configureKamelets(camel);
        // As in the adapter (camel.dataformat.jackson.auto-discover-object-mapper): json is written with its mapping.
        DataFormatResolver formats = new DefaultDataFormatResolver();
        camel.getCamelContextExtension().addContextPlugin(DataFormatResolver.class, (name, context) -> {
            DataFormat format = formats.createDataFormat(name, context);
            if (format instanceof JacksonDataFormat jackson) {
                jackson.setObjectMapper(OcpiJson.newMapper());
            }
            return format;
        });
        // Pollers that run once in a cluster (master:) have a cluster of their own, this context alone.
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(Files.createTempDirectory("route-file-test").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        bind(camel.getRegistry());
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/" + routeFile()));
        // Every route of the file is built, as in the adapter; a test starts those it tests (start).
        camel.setAutoStartup(false);
        return camel;
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (configuration != null) {
            configuration.close();
        }
    }

    /**
     * Starts the context and the routes a test needs, and the routes made from the Kamelets the file uses
     * ({@code kamelet:sap-sftp-sink}): the others of the file are built but not started.
     */
    void start(String... routeIds) throws Exception {
        context.start();
        for (Route route : context.getRoutes()) {
            if (route.isCreatedByKamelet()) {
                context.getRouteController().startRoute(route.getRouteId());
            }
        }
        for (String routeId : routeIds) {
            context.getRouteController().startRoute(routeId);
        }
    }
}
