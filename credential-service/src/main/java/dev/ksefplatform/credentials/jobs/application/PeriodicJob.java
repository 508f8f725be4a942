package dev.ksefplatform.credentials.jobs.application;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** One run of a job when this instance wins the claim; a failed run is logged and released, never rethrown. */
public final class PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final String owner;
    private final Duration every;
    private final Duration maxRun;
    private final JobSchedule schedule;
    private final Supplier<Mono<String>> run;

    public PeriodicJob(String name, String owner, Duration every, Duration maxRun, JobSchedule schedule,
                       Supplier<Mono<String>> run) {
        this.name = name;
        this.owner = owner;
        this.every = every;
        this.maxRun = maxRun;
        this.schedule = schedule;
        this.run = run;
    }

    /** @return the run's result, or empty when the job was not due or another instance holds it */
    public Mono<String> runIfDue() {
        return schedule.tryClaim(name, owner, every, maxRun).filter(Boolean::booleanValue)
                .flatMap(claimed -> Mono.defer(run)
                        .onErrorResume(e -> {
                            log.warn("job failed job={} owner={} error={}", name, owner, e.toString());
                            return Mono.just("failed: " + e.getClass().getSimpleName());
                        })
                        .flatMap(result -> schedule.release(name, owner, result).thenReturn(result)))
                .doOnNext(result -> log.info("job ran job={} owner={} result={}", name, owner, result));
    }
}
