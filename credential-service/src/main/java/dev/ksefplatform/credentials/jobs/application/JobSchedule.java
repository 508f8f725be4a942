package dev.ksefplatform.credentials.jobs.application;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Which instance runs a periodic job now: at most one at a time, at most once per period across all instances. */
public interface JobSchedule {

    /**
     * Claims {@code job} for {@code owner} if it is due and nobody holds it; the next run is due {@code every} later.
     * A claim lapses after {@code maxRun}, so a crashed owner does not stop the job for good.
     */
    Mono<Boolean> tryClaim(String job, String owner, Duration every, Duration maxRun);

    /** Ends {@code owner}'s claim and records what the run did. */
    Mono<Void> release(String job, String owner, String result);
}
