package dev.ksefplatform.sync.webhook.adapter.jdbc;

import dev.ksefplatform.sync.webhook.application.SigningSecrets;
import dev.ksefplatform.sync.webhook.domain.SealedSecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seals every signing secret V5 stored in clear, in Flyway's transaction (with V8 and V10 around it): either every
 * row is sealed and the clear column dropped, or nothing changes. A Java migration because the key is configuration.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V9__seal_webhook_secrets extends BaseJavaMigration {

    private final SigningSecrets secrets;

    public V9__seal_webhook_secrets(SigningSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT webhook_id, tenant_id, signing_secret FROM sync.webhooks"
                     + " WHERE signing_secret IS NOT NULL FOR UPDATE");
             PreparedStatement update = connection.prepareStatement("UPDATE sync.webhooks SET secret_key_id = ?,"
                     + " secret_sealed = ?, signing_secret = NULL WHERE webhook_id = ?")) {
            while (rows.next()) {
                String webhookId = rows.getString(1);
                SealedSecret sealed = secrets.seal(webhookId, rows.getString(2), rows.getString(3));
                update.setString(1, sealed.keyId());
                update.setBytes(2, sealed.sealed());
                update.setObject(3, rows.getObject(1));
                update.executeUpdate();
            }
        }
    }
}
