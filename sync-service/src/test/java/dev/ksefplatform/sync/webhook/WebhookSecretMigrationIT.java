package dev.ksefplatform.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.webhook.adapter.crypto.AesGcmSigningSecrets;
import dev.ksefplatform.sync.webhook.adapter.jdbc.V9__seal_webhook_secrets;
import dev.ksefplatform.sync.webhook.domain.SealedSecret;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database at V8 holding signing secrets in clear (as V5 stored them) is migrated by the service's own Flyway
 * migrations: afterwards every row holds its secret sealed under the configured key, the clear column is gone, and
 * each sealed secret opens to the secret the row had. Its own database on the JVM's PostgreSQL.
 */
class WebhookSecretMigrationIT {

    private static final String KEY = "CzbDi9PLOXhDchR7bWnbT1L+K6ZsUUSqOqSCywHu8GQ=";

    @Test
    void existingClearSecretsAreSealedAndTheClearColumnDropped() throws SQLException {
        String url = freshDatabase();
        AesGcmSigningSecrets secrets = new AesGcmSigningSecrets(Map.of("k1", KEY), "k1", new SecureRandom());
        flyway(url, secrets).target("8").load().migrate();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sync.webhooks (webhook_id, tenant_id, url, signing_secret) VALUES ('" + a
                    + "', 'tenant-a', 'https://hooks.example/a', 'whsec_clear_a'), ('" + b
                    + "', 'tenant-b', 'https://hooks.example/b', 'whsec_clear_b')");
        }

        flyway(url, secrets).load().migrate();

        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'sync'"
                    + " AND table_name = 'webhooks' AND column_name = 'signing_secret'")).isEqualTo("0");
            assertThat(rows(statement, "SELECT string_agg(row_to_json(w)::text, '') FROM sync.webhooks w"))
                    .doesNotContain("whsec_clear");
            assertThat(open(statement, secrets, a, "tenant-a")).isEqualTo("whsec_clear_a");
            assertThat(open(statement, secrets, b, "tenant-b")).isEqualTo("whsec_clear_b");
        }
    }

    private static String open(Statement statement, AesGcmSigningSecrets secrets, String webhookId, String tenant)
            throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT secret_key_id, secret_sealed FROM sync.webhooks"
                + " WHERE webhook_id = '" + webhookId + "'")) {
            row.next();
            return secrets.open(webhookId, tenant, new SealedSecret(row.getString(1), row.getBytes(2)));
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url,
                                                                                  AesGcmSigningSecrets secrets) {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        return Flyway.configure().dataSource(url, pg.username(), pg.password()).schemas("sync")
                .locations("classpath:db/migration/sync").javaMigrations(new V9__seal_webhook_secrets(secrets));
    }

    private static String freshDatabase() throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        String name = "sync_secrets_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = pg.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + name;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgres.get().username(), EmbeddedPostgres.get().password());
    }

    private static String rows(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
