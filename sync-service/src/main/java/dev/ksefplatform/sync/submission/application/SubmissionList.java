package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionFilter;
import reactor.core.publisher.Flux;

/** The submission read model as a tenant's list: newest first, after a cursor. */
public interface SubmissionList {

    /** At most {@code limit} of the tenant's rows matching the filter, after {@code after} (null: from the newest). */
    Flux<Submission> page(String tenantId, SubmissionFilter filter, SubmissionCursor after, int limit);
}
