package dev.ksefplatform.worker.backlog.domain;

import java.time.Instant;

/**
 * The open commands of one tenant's KSeF context: waiting to be sent ({@code queued}, the oldest received at
 * {@code oldestQueuedAt}) and sent or being sent, awaiting KSeF's verdict ({@code inKsef}).
 */
public record ContextBacklog(String tenantId, String environment, String contextNip, long queued, long inKsef,
                             Instant oldestQueuedAt) {
}
