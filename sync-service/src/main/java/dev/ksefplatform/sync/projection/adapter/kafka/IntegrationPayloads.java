package dev.ksefplatform.sync.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationRevoked;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.IntegrationChanged;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.Optional;

/** credential-service's integration lifecycle, which decides whose inbox is synced. */
final class IntegrationPayloads {

    private IntegrationPayloads() {
    }

    static Optional<SyncEvent> toDomain(EventMeta meta, Object payload) {
        if (payload instanceof IntegrationRegistered p) {
            return Optional.of(new IntegrationChanged(meta, p.getIntegrationId(), p.getEnvironment(),
                    p.getTaxpayerNip(), "PENDING", null));
        }
        if (payload instanceof IntegrationVerified p) {
            return Optional.of(new IntegrationChanged(meta, p.getIntegrationId(), p.getEnvironment(),
                    p.getTaxpayerNip(), "ACTIVE", p.getScopes()));
        }
        if (payload instanceof IntegrationStatusChanged p) {
            return Optional.of(new IntegrationChanged(meta, p.getIntegrationId(), p.getEnvironment(),
                    p.getTaxpayerNip(), p.getToStatus(), null, p.getReason()));
        }
        if (payload instanceof IntegrationRevoked p) {
            return Optional.of(new IntegrationChanged(meta, p.getIntegrationId(), p.getEnvironment(),
                    p.getTaxpayerNip(), "REVOKED", null, p.getReason()));
        }
        return Optional.empty();
    }
}
