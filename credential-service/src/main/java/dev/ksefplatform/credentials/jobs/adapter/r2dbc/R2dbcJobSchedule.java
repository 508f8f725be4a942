package dev.ksefplatform.credentials.jobs.adapter.r2dbc;

import dev.ksefplatform.credentials.jobs.application.JobSchedule;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link JobSchedule} as one row per job in {@code credentials.job_runs}, claimed by a conditional UPDATE (PostgreSQL
 * row locks make it atomic). Times are the database's, so instance clocks need not agree.
 */
public final class R2dbcJobSchedule implements JobSchedule {

    private final DatabaseClient db;

    public R2dbcJobSchedule(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> tryClaim(String job, String owner, Duration every, Duration maxRun) {
        // a new job's first run is one period away: what it checks was just checked (e.g. verified at registration)
        Mono<Long> exists = db.sql("INSERT INTO credentials.job_runs (job, next_run_at) "
                        + "VALUES (:job, now() + make_interval(secs => :every)) ON CONFLICT (job) DO NOTHING")
                .bind("job", job).bind("every", (double) every.toMillis() / 1000).fetch().rowsUpdated();
        Mono<Long> claimed = db.sql("UPDATE credentials.job_runs SET owner = :owner, last_started = now(), "
                        + "locked_until = now() + make_interval(secs => :maxRun), "
                        + "next_run_at = now() + make_interval(secs => :every) "
                        + "WHERE job = :job AND next_run_at <= now() AND (locked_until IS NULL OR locked_until < now())")
                .bind("job", job).bind("owner", owner).bind("maxRun", (double) maxRun.toMillis() / 1000)
                .bind("every", (double) every.toMillis() / 1000).fetch().rowsUpdated();
        return exists.then(claimed).map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> release(String job, String owner, String result) {
        return db.sql("UPDATE credentials.job_runs SET locked_until = NULL, last_result = :result "
                        + "WHERE job = :job AND owner = :owner")
                .bind("job", job).bind("owner", owner).bind("result", result).fetch().rowsUpdated().then();
    }
}
