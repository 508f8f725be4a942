package dev.ksefplatform.credentials.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.jobs.adapter.r2dbc.R2dbcJobSchedule;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** One instance at a time, once per period: claims over real PostgreSQL from many would-be owners at once. */
class JobScheduleIT {

    private static R2dbcJobSchedule schedule;
    private static DatabaseClient db;

    @BeforeAll
    static void database() {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).schemas("credentials")
                .defaultSchema("credentials").locations("classpath:db/migration/credentials").load().migrate();
        db = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(pg.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, pg.username())
                .option(ConnectionFactoryOptions.PASSWORD, pg.password()).build()));
        schedule = new R2dbcJobSchedule(db);
    }

    private static List<Boolean> claimAtOnce(String job, Duration every, Duration maxRun) {
        return Flux.range(0, 8).flatMap(i -> schedule.tryClaim(job, "owner-" + i, every, maxRun)
                .subscribeOn(Schedulers.parallel()), 8).collectList().block(Duration.ofSeconds(30));
    }

    private static void makeDue(String job) {
        db.sql("UPDATE credentials.job_runs SET next_run_at = now() - interval '1 second' WHERE job = :job")
                .bind("job", job).fetch().rowsUpdated().block();
    }

    @Test
    void aNewJobIsFirstDueOnePeriodLaterAndThenExactlyOneOfManyClaimantsWins() {
        String job = "job-" + UUID.randomUUID();

        List<Boolean> beforeDue = claimAtOnce(job, Duration.ofHours(1), Duration.ofMinutes(5));
        makeDue(job);
        List<Boolean> due = claimAtOnce(job, Duration.ofHours(1), Duration.ofMinutes(5));

        assertThat(beforeDue).containsOnly(false);
        assertThat(due).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void aRunningClaimBlocksOthersEvenWhenDueAndItsReleaseFreesTheJob() {
        String job = "job-" + UUID.randomUUID();
        claimAtOnce(job, Duration.ofHours(1), Duration.ofMinutes(5));
        makeDue(job);
        assertThat(schedule.tryClaim(job, "first", Duration.ofHours(1), Duration.ofMinutes(5)).block()).isTrue();

        makeDue(job);
        boolean whileRunning = schedule.tryClaim(job, "second", Duration.ofHours(1), Duration.ofMinutes(5)).block();
        schedule.release(job, "first", "done").block();
        boolean afterReleaseNotDue = schedule.tryClaim(job, "second", Duration.ofHours(1), Duration.ofMinutes(5))
                .block();

        assertThat(whileRunning).isFalse();
        assertThat(afterReleaseNotDue).as("still due: makeDue moved next_run_at back").isTrue();
    }
}
