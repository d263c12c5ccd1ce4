package io.ocpi.adapter.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ocpi.adapter.protocol.OcpiJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.StartupSummaryLevel;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spring.spi.ApplicationContextBeanRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.boot.Banner;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the routes of a route file as the adapter does at start, in a Camel context of their own that starts none
 * of them: the YAML is read, every placeholder resolved against the configuration, every endpoint made and every
 * bean the routes name found. Nothing connects to a backend, joins the cluster or polls. {@code --check} tries every
 * route file with it, and a changed file is tried with it before it replaces the routes it had ({@link RouteReload}),
 * so that a file one accepts the other accepts too. A file that builds must also keep to the schema of Camel's YAML
 * DSL ({@link RouteSchema}), as editors of route files expect it to.
 */
public final class RouteTrial implements AutoCloseable {

    /** The step that failed, as Camel names it: {@code ... at: >>> to[direcct:x] <<< in route: ...}. */
    private static final Pattern FAILED_STEP = Pattern.compile("at: >>> (.+?) <<< in route");

    private final ConfigurableApplicationContext beans;

    private RouteTrial(ConfigurableApplicationContext beans) {
        this.beans = beans;
    }

    /**
     * A trial on the configuration the adapter would run with: its application.yaml, {@code config/} files, the
     * profiles, environment variables and these command-line arguments ({@code --ocpi.bindings.sftp.port=22}).
     */
    public static RouteTrial reading(String... configuration) {
        return new RouteTrial(new SpringApplicationBuilder(Beans.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).lazyInitialization(true).run(configuration));
    }

    /** A trial on the running adapter's configuration. */
    public static RouteTrial on(ConfigurableEnvironment configuration) {
        AnnotationConfigApplicationContext beans = new AnnotationConfigApplicationContext();
        beans.setEnvironment(configuration);
        beans.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
        beans.register(Beans.class);
        beans.refresh();
        return new RouteTrial(beans);
    }

    /**
     * The beans routes find by name ({@link BindingsConfiguration}), made from the configuration each when a route
     * first names it, apart from the running adapter's: a trial never shares a service with the routes that run.
     * Their databases are only pointed at, never connected to, and none of them is started (the embedded SFTP
     * server). Not a {@code @Configuration}: the adapter's own beans must not include these.
     */
    @Import(BindingsConfiguration.class)
    @EnableConfigurationProperties(BindingsProperties.class)
    static class Beans {

        @Bean
        DataSource adapterDatabase(Environment configuration) {
            return DataSourceBuilder.create().url(configuration.getProperty("spring.datasource.url"))
                    .username(configuration.getProperty("spring.datasource.username"))
                    .password(configuration.getProperty("spring.datasource.password")).build();
        }

        @Bean(BindingsConfiguration.BILLING)
        DataSource billing(BindingsProperties bindings, DataSource adapterDatabase) {
            return BindingsConfiguration.billingDataSource(bindings.billing(), adapterDatabase);
        }

        /** For routes that start with {@code transacted}: the adapter's database, as in the running adapter. */
        @Bean
        PlatformTransactionManager transactionManager(DataSource adapterDatabase) {
            return new DataSourceTransactionManager(adapterDatabase);
        }

        @Bean
        ObjectMapper json() {
            return OcpiJson.newMapper();
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
        LifecycleProcessor startsNothing() {
            return new DefaultLifecycleProcessor() {
                @Override
                public void onRefresh() {
                }
            };
        }
    }

    /** The file's routes, built; or the problem, naming the file and the line. */
    public List<RouteDefinition> build(Path file) throws RouteFileProblem {
        DefaultCamelContext camel = new DefaultCamelContext(new DefaultRegistry(new ApplicationContextBeanRepository(beans)));
        try {
            camel.disableJMX();
            camel.setStartupSummaryLevel(StartupSummaryLevel.Off);
            camel.setSourceLocationEnabled(true);
            camel.setAutoStartup(false);
            camel.getPropertiesComponent().addPropertiesSource(placeholders());
            configureKamelets(camel);
            // Pollers that run once in the cluster are built against a cluster service that is never started.
            camel.getComponent("master", MasterComponent.class).setService(new FileLockClusterService());
            try {
                for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel)
                        .findRoutesBuilders(ResourceHelper.resolveResource(camel, "file:" + file))) {
                    camel.addRoutes(builder);
                }
            } catch (Exception e) {
                throw new RouteFileProblem(file + ": " + messages(e));
            }
            List<RouteDefinition> routes = List.copyOf(camel.getRouteDefinitions());
            Map<RouteDefinition, String> preconditions = new HashMap<>();
            try {
                // A route whose binding is switched off is built all the same: its switch is checked, not obeyed.
                for (RouteDefinition route : routes) {
                    if (route.getPrecondition() != null) {
                        switchedOn(camel, route);
                        preconditions.put(route, route.getPrecondition());
                        route.setPrecondition(null);
                    }
                }
                camel.start();
            } catch (FailedToCreateRouteException e) {
                throw new RouteFileProblem(problem(file, routes, e.getRouteId(), e));
            } catch (Exception e) {
                throw new RouteFileProblem(file + ": " + messages(e));
            } finally {
                preconditions.forEach(RouteDefinition::setPrecondition);
            }
            List<String> violations = schemaViolations(file);
            if (!violations.isEmpty()) {
                throw new RouteFileProblem(String.join("\n", violations));
            }
            return routes;
        } finally {
            camel.stop();
        }
    }

    /**
     * Reads a Kamelet file as the kamelet component finds it ({@code <name>.kamelet.yaml}, the Kamelet named
     * {@code <name>}): its YAML and its template. The routes that use it build it with their own parameters.
     */
    public void readKamelet(Path file) throws RouteFileProblem {
        String name = file.getFileName().toString().replaceFirst("\\.kamelet\\.yaml$", "");
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            camel.disableJMX();
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + file));
            if (camel.getRouteTemplateDefinition(name) == null) {
                throw new RouteFileProblem(file + ": no Kamelet named " + name + " (metadata.name is the file's name)");
            }
        } catch (RouteFileProblem problem) {
            throw problem;
        } catch (Exception e) {
            throw new RouteFileProblem(file + ": " + messages(e));
        } finally {
            camel.stop();
        }
    }

    private static List<String> schemaViolations(Path file) throws RouteFileProblem {
        try {
            return RouteSchema.violations(file);
        } catch (IOException e) {
            throw new RouteFileProblem(file + ": " + messages(e));
        }
    }

    /**
     * Whether Camel creates the route: a route whose {@code precondition} is false (its binding switched off,
     * {@code precondition: "{{ocpi.bindings.kafka.enabled}}"}) is not created at all.
     */
    static boolean switchedOn(CamelContext camel, RouteDefinition route) {
        return route.getPrecondition() == null || camel.resolveLanguage("simple")
                .createPredicate(camel.resolvePropertyPlaceholders(route.getPrecondition())).matches(new DefaultExchange(camel));
    }

    /**
     * A problem of one route, at the line of the step that failed ({@code file:line: route id: message}), or of the
     * route itself when the step is not found.
     */
    static String problem(Path file, List<RouteDefinition> routes, String routeId, Exception e) {
        RouteDefinition route = routes.stream().filter(r -> r.getRouteId().equals(routeId)).findFirst().orElse(null);
        int line = route == null ? -1 : route.getLineNumber();
        Matcher failed = FAILED_STEP.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (route != null && failed.find()) {
            for (ProcessorDefinition<?> step : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ProcessorDefinition.class)) {
                if (step.toString().equals(failed.group(1)) && step.getLineNumber() > 0) {
                    line = step.getLineNumber();
                    break;
                }
            }
        }
        return file + (line > 0 ? ":" + line : "") + ": route " + routeId + ": " + messages(e.getCause() == null ? e : e.getCause());
    }

    /** The messages of an exception and its causes: the YAML parser's, with the line, is usually the last. */
    static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(text.isEmpty() ? "" : " / ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** The trial's configuration as Camel's placeholders of a route file read it ({@code {{ocpi.bindings.sftp.host}}}). */
    PropertiesSource placeholders() {
        return new Placeholders(beans.getEnvironment());
    }

    /**
     * The Kamelets routes name ({@code kamelet:sap-sftp-sink}) as the adapter finds and runs them
     * ({@code camel.component.kamelet.*}): where they are, and that their failures are handled by the route using them.
     */
    public void configureKamelets(CamelContext camel) {
        KameletComponent kamelets = camel.getComponent("kamelet", KameletComponent.class);
        kamelets.setLocation(beans.getEnvironment().getProperty("camel.component.kamelet.location", kamelets.getLocation()));
        kamelets.setNoErrorHandler(beans.getEnvironment().getProperty("camel.component.kamelet.no-error-handler", Boolean.class, kamelets.isNoErrorHandler()));
    }

    /** The mappings folder routes name ({@code ocpi.bindings.mappings}). */
    public Path mappings() {
        return beans.getBean(BindingsProperties.class).mappings();
    }

    @Override
    public void close() {
        beans.close();
    }

    /** Placeholders ({@code {{ocpi.bindings.mappings}}}) as the running adapter resolves them: from its configuration. */
    private record Placeholders(Environment environment) implements PropertiesSource {

        @Override
        public String getName() {
            return "adapter configuration";
        }

        @Override
        public String getProperty(String name) {
            return environment.getProperty(name);
        }
    }

    /** A route file that does not build; the message names the file and, where it is known, the line. */
    public static final class RouteFileProblem extends Exception {

        RouteFileProblem(String message) {
            super(message);
        }
    }
}
