package dev.ksefplatform.audit.projection.adapter.kafka;

import dev.ksefplatform.audit.log.domain.EventDetail;
import dev.ksefplatform.audit.log.domain.IntegrationOwned;
import dev.ksefplatform.audit.log.domain.KsefCall;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationRevoked;
import dev.ksefplatform.schemas.v1.IntegrationSecretRotated;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;

/** The part of a payload the audit log keeps beside the envelope: a KSeF call, or whose an integration is. */
final class EventDetails {

    private EventDetails() {
    }

    static EventDetail of(Object payload) {
        if (payload instanceof KsefCallRecorded call) {
            return new KsefCall(call.getMethod(), call.getEndpoint(), call.getCalls(), call.getFirstCallAt(),
                    call.getSessionReferenceNumber());
        }
        String integrationId = integrationOf(payload);
        return integrationId == null ? null : new IntegrationOwned(integrationId);
    }

    private static String integrationOf(Object payload) {
        if (payload instanceof IntegrationRegistered e) {
            return e.getIntegrationId();
        } else if (payload instanceof IntegrationVerified e) {
            return e.getIntegrationId();
        } else if (payload instanceof IntegrationStatusChanged e) {
            return e.getIntegrationId();
        } else if (payload instanceof IntegrationRevoked e) {
            return e.getIntegrationId();
        } else if (payload instanceof IntegrationSecretRotated e) {
            return e.getIntegrationId();
        }
        return null;
    }
}
