package dev.ksefplatform.support.projection.api;

import dev.ksefplatform.support.projection.application.ReadModelRebuild;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /admin/v1/rebuild}: empties the read models and replays the event log from the start.
 * Not component-scanned: a service registers it as a bean and guards {@code /admin/} with its access rules.
 */
@RestController
public class RebuildController {

    public static final String PATH = "/admin/v1/rebuild";

    private final ReadModelRebuild rebuild;

    public RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Map<String, String>> rebuild() {
        return Mono.fromRunnable(rebuild::rebuild).subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Map.of("status", "REPLAYING"));
    }
}
