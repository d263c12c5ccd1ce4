package io.ocpi.adapter;

import io.ocpi.adapter.admin.PasswordHash;
import io.ocpi.adapter.bindings.RouteCheck;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AdapterApplication {

    /**
     * Starts the adapter; with {@code --check [routes] [mappings] [--setting=value...]}, only checks the route and
     * mapping files against the configuration the adapter would run with; with
     * {@code --hash-password}, only hashes the admin password read from standard input.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--hash-password")) {
            System.exit(PasswordHash.run(System.in, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("--check")) {
            System.exit(RouteCheck.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(AdapterApplication.class, args);
    }
}
