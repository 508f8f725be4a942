package dev.ksefplatform.sync.submission.api;

import dev.ksefplatform.sync.submission.application.SubmissionListQuery;
import dev.ksefplatform.sync.submission.domain.SubmissionFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class SubmissionListController {

    private final SubmissionListQuery queries;

    public SubmissionListController(SubmissionListQuery queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/submissions")
    public Mono<SubmissionPageView> list(@PathVariable String tenantId,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String invoiceNumber,
                                         @RequestParam(required = false) String createdFrom,
                                         @RequestParam(required = false) String createdTo,
                                         @RequestParam(defaultValue = "100") int limit,
                                         @RequestParam(required = false) String cursor) {
        SubmissionFilter filter = SubmissionFilter.parse(status, invoiceNumber, createdFrom, createdTo);
        return queries.page(tenantId, filter, cursor, limit).map(SubmissionPageView::of);
    }
}
