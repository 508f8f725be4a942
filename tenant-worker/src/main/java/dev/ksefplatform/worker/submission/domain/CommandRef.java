package dev.ksefplatform.worker.submission.domain;

import java.util.Objects;

/** Which command an outcome answers: every event it causes carries these ids. */
public record CommandRef(String commandId, String tenantId, String correlationId) {

    public CommandRef {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenantId, "tenantId");
        correlationId = correlationId == null ? commandId : correlationId;
    }
}
