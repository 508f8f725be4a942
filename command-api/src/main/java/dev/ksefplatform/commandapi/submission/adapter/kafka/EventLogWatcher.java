package dev.ksefplatform.commandapi.submission.adapter.kafka;

import dev.ksefplatform.commandapi.submission.application.EventLogProgress;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Reads {@code ksef.events.v1} for its correlation-id header only (keys and values are never decoded, see
 * {@link IgnoredPart}) and tells the gateway which of its commands have events. The offsets are committed after the
 * batch is stored, so nothing is missed; a batch seen twice changes nothing.
 */
public final class EventLogWatcher implements BatchMessageListener<Void, Void> {

    private final EventLogProgress progress;
    private final Duration timeout;

    public EventLogWatcher(EventLogProgress progress, Duration timeout) {
        this.progress = progress;
        this.timeout = timeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<Void, Void>> records) {
        List<String> correlationIds = records.stream()
                .map(r -> MessageHeaders.get(r.headers(), MessageHeaders.CORRELATION_ID))
                .flatMap(Optional::stream)
                .toList();
        progress.seen(correlationIds).block(timeout);
    }
}
