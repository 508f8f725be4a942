package dev.ksefplatform.sync.submission.api;

import dev.ksefplatform.sync.submission.application.SubmissionQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
public class SubmissionController {

    private final SubmissionQueries queries;

    public SubmissionController(SubmissionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/submissions/{commandId}")
    public Mono<SubmissionView> get(@PathVariable String tenantId, @PathVariable String commandId) {
        return queries.get(tenantId, commandId).map(SubmissionView::of);
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/submission-holds")
    public Flux<HoldView> holds(@PathVariable String tenantId) {
        return queries.holds(tenantId).map(HoldView::of);
    }
}
