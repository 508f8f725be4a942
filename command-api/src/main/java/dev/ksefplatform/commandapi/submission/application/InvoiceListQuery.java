package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * A tenant's submissions, newest first: the read model's list, kept to the commands in the gateway's own command log.
 * A command the gateway accepted appears once the read model has folded an event of it (the worker's
 * {@code InvoiceSent} or a verdict); until then only {@code GET /api/v1/invoices/{commandId}} knows it (PENDING).
 * Items older than the retention's horizon (and a day) are kept whether the log still has their command or not.
 */
public final class InvoiceListQuery {

    /** Covers the read model's lag behind the event log and the services' clocks (README, "Retention"). */
    private static final Duration MARGIN = Duration.ofDays(1);

    private final SubmissionListing listing;
    private final CommandLog commands;
    private final Supplier<Instant> horizon;

    /** @param horizon commands accepted before it may have left the gateway's log (retention) */
    public InvoiceListQuery(SubmissionListing listing, CommandLog commands, Supplier<Instant> horizon) {
        this.listing = listing;
        this.commands = commands;
        this.horizon = horizon;
    }

    /**
     * The read model folds every dead-lettered command as a FAILED submission, a {@code SyncInbox} the worker refused
     * included; rows whose command the gateway did not accept are left out, so a page may hold fewer than
     * {@code limit} items. {@code nextCursor} is the read model's, so paging goes on past them.
     */
    public Mono<Map<String, Object>> page(Tenant tenant, Map<String, String> query) {
        return listing.page(tenant.id(), query).flatMap(page -> {
            List<?> items = page.get("items") instanceof List<?> list ? list : List.of();
            List<String> ids = items.stream().map(InvoiceListQuery::commandId).filter(EventLogProgress::isUuid).toList();
            Mono<Set<String>> owned = ids.isEmpty() ? Mono.just(Set.of())
                    : commands.owned(tenant.id(), ids).collect(Collectors.toSet());
            Instant pruned = horizon.get().plus(MARGIN);
            return owned.map(own -> withItems(page, items.stream()
                    .filter(item -> own.contains(commandId(item)) || before(item, pruned)).toList()));
        });
    }

    /**
     * Whether the read model folded the item's command before {@code instant}. The retention deletes a command only
     * once its first event is older than the horizon, so every command it deleted is such an item; so is a command
     * the gateway never accepted, once it is that old, which the list then shows.
     */
    private static boolean before(Object item, Instant instant) {
        if (item instanceof Map<?, ?> row && row.get("createdAt") instanceof String createdAt) {
            try {
                return Instant.parse(createdAt).isBefore(instant);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String commandId(Object item) {
        return item instanceof Map<?, ?> row && row.get("commandId") instanceof String id ? id : null;
    }

    private static Map<String, Object> withItems(Map<String, Object> page, List<?> items) {
        Map<String, Object> kept = new LinkedHashMap<>(page);
        kept.put("items", items);
        return kept;
    }
}
