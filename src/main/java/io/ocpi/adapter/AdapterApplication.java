package io.ocpi.adapter;

import io.ocpi.adapter.admin.PasswordHash;
import io.ocpi.adapter.bindings.RouteCheck;
import io.ocpi.adapter.probe.PeerProbe;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.system.SystemProperties;
import org.springframework.boot.web.context.WebServerPortFileWriter;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AdapterApplication {

    /**
     * Starts the adapter; with {@code --check [routes] [mappings] [--setting=value...]}, only checks the route and
     * mapping files against the configuration the adapter would run with; with
     * {@code --hash-password}, only hashes the admin password read from standard input; with {@code --probe-peer}, only
     * checks a partner's platform against OCPI 2.2.1.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--hash-password")) {
            System.exit(PasswordHash.run(System.in, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("--check")) {
            System.exit(RouteCheck.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("--probe-peer")) {
            System.exit(PeerProbe.run(AdapterApplication.class, args, System.out, System.err));
        }
        application().run(args);
    }

    /**
     * The adapter as {@link #main} runs it. With the environment variable {@code PORTFILE} (or the system property
     * {@code portfile}) set, it writes the port it listens on to that file, and its admin port, when it has one of its
     * own, to the same name with {@code -management}: the container's health check reads them.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(AdapterApplication.class);
        if (SystemProperties.get("PORTFILE", "portfile") != null) {
            application.addListeners(new WebServerPortFileWriter());
        }
        return application;
    }
}
