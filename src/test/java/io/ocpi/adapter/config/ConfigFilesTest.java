package io.ocpi.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/**
 * Every configuration file we ship reads as Spring Boot reads it. A profile is only loaded where an operator turns
 * it on, so a key written twice (which Spring refuses) would otherwise first show in production.
 */
class ConfigFilesTest {

    static Stream<Path> shippedFiles() throws IOException {
        try (Stream<Path> config = Files.list(Path.of("config")); Stream<Path> resources = Files.list(Path.of("src/main/resources"))) {
            List<Path> files = Stream.concat(config, resources).filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(files).extracting(Path::toString).contains("config/application-production.yaml");
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void readsAsSpringBootReadsIt(Path file) {
        assertThatCode(() -> new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file)))
                .doesNotThrowAnyException();
    }
}
