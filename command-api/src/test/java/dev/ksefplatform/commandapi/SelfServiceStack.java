package dev.ksefplatform.commandapi;

import dev.ksefplatform.credentials.CredentialServiceApplication;
import dev.ksefplatform.simulator.KsefSimulatorApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The real KSeF simulator and the real credential-service, in this JVM, as the one-JVM launcher runs them. */
final class SelfServiceStack implements AutoCloseable {

    static final String VAULT_ADMIN = "it-vault-admin-token";
    static final String VAULT_WORKER = "it-vault-worker-token";
    static final String VAULT_COMMAND_API = "it-vault-command-api-token";

    /**
     * This module's test classpath brings R2DBC, Flyway, Kafka and (through tenant-worker, for KsefBudgetApiIT) a JDBC
     * pool; the simulator uses none of them.
     */
    private static final String SIMULATOR_EXCLUDES = String.join(",",
            "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration",
            "org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcDataAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.r2dbc.R2dbcRepositoriesAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration");

    private final ConfigurableApplicationContext simulator;
    private final ConfigurableApplicationContext vault;

    SelfServiceStack() {
        simulator = KsefSimulatorApplication.builder().run("--server.port=0",
                "--spring.autoconfigure.exclude=" + SIMULATOR_EXCLUDES, "--simulator.processing-delay=0ms",
                "--simulator.auth-delay=0ms");
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.get().bootstrapServers(),
                "--ksef.environments.TEST.base-url=" + url(simulator) + "/v2",
                "--credentials.security.callers.admin=" + VAULT_ADMIN,
                "--credentials.security.callers.tenant-worker=" + VAULT_WORKER,
                "--credentials.security.callers.command-api=" + VAULT_COMMAND_API,
                "--credentials.reverification.enabled=false", "--credentials.sessions.sweep.enabled=false"));
        EmbeddedPostgres.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        vault = CredentialServiceApplication.builder().run(args.toArray(String[]::new));
    }

    String vaultUrl() {
        return url(vault);
    }

    WebTestClient vault(String bearer) {
        return WebTestClient.bindToServer().baseUrl(vaultUrl()).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + bearer).build();
    }

    WebTestClient ksef() {
        return WebTestClient.bindToServer().baseUrl(url(simulator)).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A KSeF token in {@code contextNip}'s context with these permissions, as the simulator issues it. */
    String ksefToken(String contextNip, List<String> permissions) {
        Map<?, ?> body = ksef().post().uri("/sim/v1/ksef-tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contextNip", contextNip, "permissions", permissions, "description", "self-service IT"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    /** The taxpayer grants the provider's NIP a permission in its context, as in the KSeF portal. */
    void grant(String contextNip, String providerNip, String permission) {
        ksef().post().uri("/v2/testdata/permissions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contextIdentifier", Map.of("type", "Nip", "value", contextNip),
                        "authorizedIdentifier", Map.of("type", "Nip", "value", providerNip),
                        "permissions", List.of(Map.of("permissionType", permission, "description", "provider"))))
                .exchange().expectStatus().isOk();
    }

    /** A real PKCS#12 (EC key, self-signed certificate for {@code nip}) and the private key inside it. */
    record Pkcs12(String base64, String password, String privateKeyBase64) {
    }

    static Pkcs12 pkcs12(String nip, String password) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=Test Seal, O=Test, 2.5.4.97=VATPL-" + nip + ", C=PL");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                            subject, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("seal", pair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return new Pkcs12(Base64.getEncoder().encodeToString(out.toByteArray()), password,
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test PKCS#12 bundle", e);
        }
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        vault.close();
        simulator.close();
    }
}
