package dev.ksefplatform.support.projection.application;

import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.util.Optional;

/**
 * One record of the event log as the projector sees it: where it sits, its ids for logs, and either the domain
 * event (empty for a type no read model here folds) or why it is poison.
 */
public record EventRecord<E>(RecordPosition position, String messageId, String tenantId, Optional<E> event,
                             String poisonCause) {

    public static <E> EventRecord<E> of(RecordPosition position, String messageId, String tenantId, Optional<E> event) {
        return new EventRecord<>(position, messageId, tenantId, event, null);
    }

    public static <E> EventRecord<E> poison(RecordPosition position, String messageId, String tenantId, String cause) {
        return new EventRecord<>(position, messageId, tenantId, Optional.empty(), cause);
    }

    public boolean isPoison() {
        return poisonCause != null;
    }

    Poisoned toPoisoned() {
        return new Poisoned(position, messageId, tenantId, poisonCause);
    }
}
