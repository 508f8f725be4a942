package dev.ksefplatform.sync.schedule.api;

import dev.ksefplatform.sync.schedule.application.SyncRequests;
import dev.ksefplatform.sync.schedule.application.SyncRequests.SyncRequested;
import dev.ksefplatform.sync.schedule.application.SyncStatusQueries;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class InboxSyncController {

    static final String PATH = "/internal/v1/tenants/{tenantId}/inbox-sync";

    private final SyncStatusQueries statuses;
    private final SyncRequests requests;

    public InboxSyncController(SyncStatusQueries statuses, SyncRequests requests) {
        this.statuses = statuses;
        this.requests = requests;
    }

    @GetMapping(PATH)
    public Mono<List<SyncStatusView>> state(@PathVariable String tenantId) {
        return statuses.of(tenantId).map(all -> all.stream().map(SyncStatusView::of).toList());
    }

    /** 202 with the command of the sync: a new one ({@code started}) or, while one runs, that one. */
    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<SyncRequested> syncNow(@PathVariable String tenantId,
                                       @RequestBody(required = false) SyncNowRequest body) {
        SyncNowRequest request = body == null ? new SyncNowRequest(null, null) : body;
        return Mono.defer(() -> requests.syncNow(tenantId, request.subjectOrDefault(), request.requesterOrDefault()));
    }
}
