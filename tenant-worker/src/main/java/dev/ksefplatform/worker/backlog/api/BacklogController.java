package dev.ksefplatform.worker.backlog.api;

import dev.ksefplatform.worker.backlog.application.Backlogs;
import dev.ksefplatform.worker.backlog.domain.ContextBacklog;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The largest backlogs across tenants, for operators (CONTRACTS §4); caller command-api only. */
@RestController
public class BacklogController {

    static final int MAX_LIMIT = 100;

    private final Backlogs backlogs;

    public BacklogController(Backlogs backlogs) {
        this.backlogs = backlogs;
    }

    @GetMapping("/internal/v1/backlog")
    public Mono<Map<String, List<ContextBacklog>>> largest(@RequestParam(defaultValue = "20") String limit) {
        int count = limit(limit);
        return Mono.fromCallable(() -> Map.of("items", backlogs.largest(count)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static int limit(String limit) {
        if (!limit.matches("\\d{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }
}
