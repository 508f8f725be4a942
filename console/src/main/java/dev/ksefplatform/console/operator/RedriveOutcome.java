package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * What the health page says after a re-drive (from the redirect's query: {@code redriven}, {@code repeated}, {@code
 * redriveFailed} = command-api's problem slug), and the dead letters it offers to re-drive.
 */
record RedriveOutcome(String redriven, Boolean repeated, String redriveFailed) {

    private static final Set<String> KNOWN_FAILURES = Set.of("dead-letter-not-found", "dead-letter-not-redrivable",
            "kafka-unavailable");

    /** The bundle key of the failure message ({@code other} for a problem the page has no words for). */
    public String failureKey() {
        return redriveFailed == null ? null
                : "health.redrive.failed." + (KNOWN_FAILURES.contains(redriveFailed) ? redriveFailed : "other");
    }

    /**
     * The newest dead letters of {@code ksef.commands.v1-dlt}; when command-api cannot list them now, null (the page
     * says so and shows the rest of the platform's health).
     */
    @SuppressWarnings("unchecked")
    static Mono<Optional<List<Map<String, Object>>>> redrivable(CommandApi commandApi) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(HealthPages.LATEST));
        return commandApi.operatorGet("/admin/v1/dead-letters", query)
                .map(page -> Optional.of((List<Map<String, Object>>) page.getOrDefault("items", List.of())))
                .onErrorResume(e -> Mono.just(Optional.empty()));
    }
}
