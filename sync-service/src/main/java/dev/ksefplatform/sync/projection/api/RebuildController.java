package dev.ksefplatform.sync.projection.api;

import dev.ksefplatform.sync.projection.application.ReadModelRebuild;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /admin/v1/rebuild}: empties the read models and replays the event log from the start. */
@RestController
public class RebuildController {

    private final ReadModelRebuild rebuild;

    public RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/admin/v1/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Map<String, String>> rebuild() {
        return Mono.fromRunnable(rebuild::rebuild).subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Map.of("status", "REPLAYING"));
    }
}
