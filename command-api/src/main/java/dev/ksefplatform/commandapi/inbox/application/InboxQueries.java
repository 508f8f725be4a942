package dev.ksefplatform.commandapi.inbox.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.web.DayPeriod;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/** A tenant's inbox: the tenant always the authenticated one, never taken from the request. */
public final class InboxQueries {

    /** KSeF's 35-character shape; the CRC is not checked, so a number KSeF issued is never turned away here. */
    private static final Pattern KSEF_NUMBER = Pattern.compile("\\d{10}-\\d{8}-[0-9A-F]{12}-[0-9A-F]{2}");

    private final TenantInbox inbox;

    public InboxQueries(TenantInbox inbox) {
        this.inbox = inbox;
    }

    public Mono<Map<String, Object>> page(Tenant tenant, Map<String, String> query) {
        return inbox.page(tenant.id(), query);
    }

    public Mono<Map<String, Object>> invoice(Tenant tenant, String ksefNumber) {
        return known(ksefNumber).flatMap(number -> inbox.invoice(tenant.id(), number))
                .switchIfEmpty(Mono.error(InboxInvoiceNotFound::new));
    }

    public Mono<InboxDocument> document(Tenant tenant, String ksefNumber) {
        return known(ksefNumber).flatMap(number -> inbox.document(tenant.id(), number))
                .switchIfEmpty(Mono.error(InboxInvoiceNotFound::new));
    }

    /** Arrivals per UTC day of the period (the dashboard's); the period is checked by the caller. */
    public Mono<Map<String, Object>> arrivals(Tenant tenant, DayPeriod period) {
        return inbox.arrivals(tenant.id(), period.from(), period.to());
    }

    public Mono<List<Object>> syncStates(Tenant tenant) {
        return inbox.syncStates(tenant.id());
    }

    /** Starts a sync, or refuses while one of that subject type runs. */
    public Mono<SyncStart> syncNow(Tenant tenant, String subjectType) {
        return inbox.requestSync(tenant.id(), subjectType, "api-key:" + tenant.id())
                .flatMap(start -> start.started() ? Mono.just(start) : Mono.error(new InboxSyncRunning(start)));
    }

    /** A text that is no KSeF number is answered like an unknown one, without a call. */
    private static Mono<String> known(String ksefNumber) {
        return KSEF_NUMBER.matcher(ksefNumber).matches() ? Mono.just(ksefNumber) : Mono.empty();
    }
}
