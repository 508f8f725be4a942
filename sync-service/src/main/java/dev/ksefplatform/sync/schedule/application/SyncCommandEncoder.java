package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.schedule.domain.SyncOrder;

/** Turns a sync order into the SyncInbox command record (the wire format stays in the Kafka adapter). */
public interface SyncCommandEncoder {

    OutboxMessage encode(SyncOrder order);
}
