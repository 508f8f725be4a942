package dev.ksefplatform.deploy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the stack listens and which credentials its services share. Ports 0 pick free ports (tests);
 * the local stack uses ARCHITECTURE.md's fixed ports.
 *
 * @param dataDirectory PostgreSQL data directory kept between runs, or null for a throw-away one
 */
public record StackSettings(
        int kafkaPort, int postgresPort, int simulatorPort, int commandApiPort, int credentialServicePort,
        int tenantWorkerPort, int syncServicePort, int auditProjectorPort, int consolePort, Path dataDirectory,
        Secrets secrets) {

    /** ARCHITECTURE.md's local ports. */
    public static StackSettings local(Path dataDirectory) {
        return new StackSettings(9092, 5432, 8090, 8080, 8081, 8082, 8083, 8084, 8086, dataDirectory, Secrets.random());
    }

    /** Free ports everywhere, nothing kept: for tests. */
    public static StackSettings ephemeral() {
        return new StackSettings(0, 0, 0, 0, 0, 0, 0, 0, 0, null, Secrets.random());
    }

    /**
     * Service-to-service bearer tokens and the vault master key, fresh for every run so that no
     * fixed secret is ever shipped; the launcher prints only the admin token, which an operator needs.
     */
    public record Secrets(String adminToken, String workerToken, String commandApiToken, String masterKeyBase64,
                          String consoleToken) {

        public static Secrets random() {
            return new Secrets(token(), token(), token(), Base64.getEncoder().encodeToString(bytes(32)), token());
        }

        /** A password for a demo person of the console, fresh for every run. */
        public static String password() {
            return token();
        }

        private static String token() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
        }

        private static byte[] bytes(int n) {
            byte[] b = new byte[n];
            new SecureRandom().nextBytes(b);
            return b;
        }

        @Override
        public String toString() {
            return "Secrets[redacted]";
        }
    }
}
