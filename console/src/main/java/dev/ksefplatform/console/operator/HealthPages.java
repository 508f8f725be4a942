package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/**
 * The platform's health for operators: each consumer group's lag (Kafka's own offsets, through command-api), and the
 * latest dead letters and KSeF rate-limit waits across tenants (from the audit log), with whose they were; and the
 * newest records of the commands' dead-letter topic, each with a re-drive button or the reason it has none; and the
 * tenants' contexts with the largest backlogs (from tenant-worker, through command-api). A part that cannot be read
 * now is shown as unavailable, the rest of the page still is.
 */
@Controller
class HealthPages {

    static final int LATEST = 20;

    private final CommandApi commandApi;

    HealthPages(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    @GetMapping("/operator/health")
    Mono<String> health(Model model, RedriveOutcome outcome) {
        model.addAttribute("redriveOutcome", outcome);
        return Mono.zip(commandApi.operatorGet("/admin/v1/platform/consumers", new LinkedMultiValueMap<>()),
                        latest("CommandDeadLettered"), latest("RateLimited"), RedriveOutcome.redrivable(commandApi),
                        backlog())
                .doOnNext(all -> {
                    model.addAttribute("groups", all.getT1().get("items"));
                    model.addAttribute("deadLetters", all.getT2());
                    model.addAttribute("rateLimits", all.getT3());
                    model.addAttribute("redrivable", all.getT4().orElse(List.of()));
                    model.addAttribute("redrivableUnavailable", all.getT4().isEmpty());
                    model.addAttribute("backlog", all.getT5().orElse(List.of()));
                    model.addAttribute("backlogUnavailable", all.getT5().isEmpty());
                })
                .thenReturn("operator-health");
    }

    @SuppressWarnings("unchecked")
    private Mono<Optional<List<Map<String, Object>>>> backlog() {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(LATEST));
        return commandApi.operatorGet("/admin/v1/platform/backlog", query)
                .map(page -> Optional.of((List<Map<String, Object>>) page.getOrDefault("items", List.of())))
                .onErrorResume(e -> Mono.just(Optional.empty()));
    }

    @SuppressWarnings("unchecked")
    private Mono<List<Map<String, Object>>> latest(String eventType) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("eventType", eventType);
        query.add("limit", String.valueOf(LATEST));
        return commandApi.operatorGet("/admin/v1/audit", query)
                .map(page -> (List<Map<String, Object>>) page.getOrDefault("items", List.of()));
    }
}
