package dev.ksefplatform.credentials.vault.application;

import dev.ksefplatform.credentials.vault.domain.AssociatedData;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import java.util.UUID;

/** An envelope as stored, with the associated data its row binds it to. */
public record StoredEnvelope(UUID integrationId, AssociatedData associatedData, Envelope envelope) {
}
