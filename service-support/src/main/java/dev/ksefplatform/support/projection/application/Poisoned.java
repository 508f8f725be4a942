package dev.ksefplatform.support.projection.application;

import dev.ksefplatform.support.projection.domain.RecordPosition;

/** A record skipped as poison (undecodable, unmappable or breaking a constraint): its offset advanced, nothing else. */
public record Poisoned(RecordPosition position, String messageId, String tenantId, String cause) {
}
