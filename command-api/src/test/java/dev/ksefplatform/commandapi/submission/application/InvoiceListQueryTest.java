package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.tenant.domain.TenantStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InvoiceListQueryTest {

    private static final Tenant TENANT = new Tenant(UUID.randomUUID().toString(), "T", "1234567890",
            TenantStatus.ACTIVE, Instant.EPOCH);
    private static final Instant HORIZON = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void keepsTheLogsCommandsAndThoseOlderThanTheRetentionHorizonAndADay() {
        Map<String, Object> owned = item("2026-12-01T10:00:00Z");
        Map<String, Object> notAccepted = item("2026-12-01T10:00:00Z");
        Map<String, Object> withinTheMargin = item("2026-11-01T23:00:00Z");
        Map<String, Object> pruned = item("2026-10-31T23:59:59Z");
        Map<String, Object> unreadableTime = item("yesterday");
        List<Map<String, Object>> items = List.of(owned, notAccepted, withinTheMargin, pruned, unreadableTime);
        SubmissionListing listing = (tenantId, query) -> Mono.just(Map.of("items", items, "nextCursor", "c2"));

        Map<String, Object> page = new InvoiceListQuery(listing, new Owns(List.of(commandId(owned))), () -> HORIZON)
                .page(TENANT, Map.of("limit", "100")).block();

        assertThat(page.get("items")).isEqualTo(List.of(owned, withinTheMargin, pruned));
        assertThat(page).containsEntry("nextCursor", "c2");
    }

    private static Map<String, Object> item(String createdAt) {
        return Map.of("commandId", UUID.randomUUID().toString(), "status", "ACCEPTED", "createdAt", createdAt);
    }

    private static String commandId(Map<String, Object> item) {
        return (String) item.get("commandId");
    }

    private static final class Owns extends UnusedCommandLog {

        private final List<String> ids;

        Owns(List<String> ids) {
            this.ids = ids;
        }

        @Override
        public Flux<String> owned(String tenantId, Collection<String> commandIds) {
            return Flux.fromIterable(commandIds).filter(ids::contains);
        }
    }
}
