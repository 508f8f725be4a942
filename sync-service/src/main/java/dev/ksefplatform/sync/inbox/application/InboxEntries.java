package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.DailyArrivals;
import dev.ksefplatform.sync.inbox.domain.InboxEntry;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The normalised inbox. */
public interface InboxEntries {

    /** Inserts in one statement; a row the inbox holds already is left as it is. */
    Mono<Void> insertAll(List<InboxEntry> entries);

    Mono<InboxEntry> find(String tenantId, String ksefNumber);

    /** The tenant's rows matching the filter, newest first ({@code listedAt}, then KSeF number), after {@code after}. */
    Flux<InboxEntry> page(String tenantId, InboxFilter filter, InboxCursor after, int limit);

    /** The tenant's rows counted per UTC day of {@code listedAt}, {@code from}..{@code to} inclusive; empty days absent. */
    Flux<DailyArrivals> arrivalsPerDay(String tenantId, LocalDate from, LocalDate to);
}
