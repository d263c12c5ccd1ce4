package io.ocpi.adapter.support;

import java.util.Map;
import java.util.UUID;

/**
 * The database a test adapter instance runs on. With {@code OCPI_TEST_POSTGRES_URL} set (CI sets it, see .ci/run),
 * each instance gets its own schema in that PostgreSQL database; otherwise an in-memory H2 database of its own.
 */
public final class TestDatabase {

    private static final String POSTGRES_URL = System.getenv("OCPI_TEST_POSTGRES_URL");

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    public static String kind() {
        return isPostgres() ? "PostgreSQL" : "H2";
    }

    /** Spring properties for a fresh, empty database. */
    public static Map<String, Object> fresh(String name) {
        String unique = name.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        if (isPostgres()) {
            return Map.of(
                    "spring.datasource.url", POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + unique,
                    "spring.datasource.username", env("OCPI_TEST_POSTGRES_USER", "ocpi"),
                    "spring.datasource.password", env("OCPI_TEST_POSTGRES_PASSWORD", "ocpi"),
                    "spring.flyway.schemas", unique,
                    "spring.flyway.default-schema", unique);
        }
        return Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + unique + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    /**
     * Spring properties for a fresh database that other processes can open too (an adapter in a JVM of its own and
     * the test): PostgreSQL as {@link #fresh}; otherwise an H2 file in {@code folder}, served to every process that
     * opens it.
     */
    public static Map<String, Object> shared(String name, java.nio.file.Path folder) {
        if (isPostgres()) {
            return fresh(name);
        }
        return Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath()
                        + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    private static String env(String name, String absent) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? absent : value;
    }
}
