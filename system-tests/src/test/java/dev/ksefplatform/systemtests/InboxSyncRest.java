package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.systemtests.TenantRest.Json;
import java.time.Duration;

/** A tenant's inbox sync of received invoices (Subject2) through command-api's REST API, as the tenant starts and watches it. */
final class InboxSyncRest {

    private static final Duration SYNC_DEADLINE = Duration.ofMinutes(4);

    private InboxSyncRest() {
    }

    /**
     * POST /api/v1/inbox/sync: the command of the new sync (202), or of the one the schedule already runs (409
     * inbox-sync-running names it).
     */
    static String start(TenantRest tenant) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Json answer = tenant.post("/api/v1/inbox/sync", "{\"subjectType\":\"Subject2\"}");
        while (answer.status() == 409 && answer.body().path("type").asText().endsWith("/inbox-sync-unavailable")
                && System.nanoTime() < deadline) {
            sleep(200); // the integration's activation reaches sync-service through the event log
            answer = tenant.post("/api/v1/inbox/sync", "{\"subjectType\":\"Subject2\"}");
        }
        if (answer.status() == 409 && answer.body().path("type").asText().endsWith("/inbox-sync-running")) {
            return answer.body().path("commandId").asText();
        }
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return answer.body().path("commandId").asText();
    }

    /** Waits on GET /api/v1/inbox/sync until {@code commandId} no longer runs and the sync succeeded. */
    static JsonNode awaitSynced(TenantRest tenant, String commandId) {
        JsonNode state = awaitEnded(tenant, commandId);
        assertThat(state.path("lastSuccessAt").isTextual()).as(state.toString()).isTrue();
        assertThat(state.path("consecutiveFailures").asInt()).as(state.toString()).isZero();
        assertThat(state.path("runningCommandId").isNull()).as(state.toString()).isTrue();
        return state;
    }

    static JsonNode awaitEnded(TenantRest tenant, String commandId) {
        long deadline = System.nanoTime() + SYNC_DEADLINE.toNanos();
        JsonNode state = subject2(tenant);
        while (commandId.equals(state.path("runningCommandId").asText())) {
            assertThat(System.nanoTime()).as("sync %s still running: %s", commandId, state).isLessThan(deadline);
            sleep(250);
            state = subject2(tenant);
        }
        return state;
    }

    static JsonNode subject2(TenantRest tenant) {
        for (JsonNode state : tenant.get("/api/v1/inbox/sync")) {
            if (state.path("subjectType").asText().equals("Subject2")) {
                return state;
            }
        }
        throw new AssertionError("no Subject2 sync state");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
