package io.ocpi.adapter.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code --hash-password}: reads a password from standard input and prints the value for {@code ocpi.admin.password}
 * ({@code {bcrypt}$2a$10$...}), made by the same encoder that checks it. Read from input, not from the command line,
 * so that the password stays out of the shell history and the process list.
 */
public final class PasswordHash {

    private PasswordHash() {
    }

    public static int run(InputStream in, PrintStream out, PrintStream err) {
        try {
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isBlank()) {
                err.println("give the password on standard input, e.g.  read -rs P && printf '%s\\n' \"$P\" | java -jar ocpi-adapter.jar --hash-password");
                return 2;
            }
            out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
            return 0;
        } catch (IOException e) {
            err.println("could not read the password: " + e.getMessage());
            return 2;
        }
    }
}
