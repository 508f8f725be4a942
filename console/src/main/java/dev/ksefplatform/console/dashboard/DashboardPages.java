package dev.ksefplatform.console.dashboard;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/**
 * A tenant's landing page: submissions by status today, over 7 and 30 days (one summary of 30 UTC days from
 * command-api) with a chart per day, the integrations needing action, the inbox's syncs and arrivals (today, 7 and 30
 * days), the KSeF budget left of the tenant's context, and the latest notifications. A part command-api cannot
 * answer is shown as unavailable; the rest of the page still is.
 */
@Controller
class DashboardPages {

    static final int DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(DashboardPages.class);
    private static final int NOTIFICATIONS = 5;

    private final CommandApi commandApi;
    private final Clock clock;

    DashboardPages(CommandApi commandApi, Clock clock) {
        this.commandApi = commandApi;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    Mono<String> dashboard(Caller caller, Model model) {
        Map<String, Object> parts = new LinkedHashMap<>();
        return Mono.when(
                part(parts, "summary", commandApi.get(caller, "/api/v1/invoices/summary", period())),
                part(parts, "integrations", commandApi.get(caller, "/api/v1/integrations", new LinkedMultiValueMap<>())),
                part(parts, "syncs", commandApi.getList(caller, "/api/v1/inbox/sync")),
                part(parts, "notifications", commandApi.get(caller, "/api/v1/notifications", latest())),
                part(parts, "arrivals", commandApi.get(caller, "/api/v1/inbox/summary", period())),
                part(parts, "budget", commandApi.get(caller, "/api/v1/ksef-budget", new LinkedMultiValueMap<>())
                        .cast(Object.class)
                        .onErrorResume(DashboardPages::notSeen, e -> Mono.just(BudgetPanel.notSeenYet()))))
                .then(Mono.fromCallable(() -> {
                    DashboardModel.fill(model, parts);
                    return "dashboard";
                }));
    }

    /** A part command-api did not give becomes "unavailable" on the page, and a log line here. */
    private static Mono<Void> part(Map<String, Object> parts, String name, Mono<?> answer) {
        return answer.doOnNext(value -> put(parts, name, value)).onErrorResume(e -> {
            log.warn("dashboard part unavailable part={} error={}: {}", name, e.getClass().getSimpleName(), e.getMessage());
            return Mono.empty();
        }).then();
    }

    /** command-api's 404 before the platform's first KSeF call for the context: the whole limit, not a failure. */
    private static boolean notSeen(Throwable e) {
        return e instanceof CommandApiRefused refused && "ksef-budget-not-seen".equals(refused.problem());
    }

    private static synchronized void put(Map<String, Object> parts, String name, Object value) {
        parts.put(name, value);
    }

    private MultiValueMap<String, String> period() {
        LocalDate today = LocalDate.now(clock);
        var query = new LinkedMultiValueMap<String, String>();
        query.add("from", today.minusDays(DAYS - 1).toString());
        query.add("to", today.toString());
        return query;
    }

    private static MultiValueMap<String, String> latest() {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(NOTIFICATIONS));
        return query;
    }
}
