package dev.ksefplatform.worker.budget;

import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.worker.TickingThread;
import dev.ksefplatform.worker.budget.adapter.jdbc.JdbcBudgetSnapshots;
import dev.ksefplatform.worker.budget.adapter.ksef.RateBudgetsSource;
import dev.ksefplatform.worker.budget.application.BudgetSnapshots;
import dev.ksefplatform.worker.budget.application.BudgetSnapshotter;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The budget snapshot: written by a thread of its own every period, read by the internal API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
class BudgetConfiguration {

    @Bean
    BudgetSnapshots budgetSnapshots(JdbcTemplate jdbc) {
        return new JdbcBudgetSnapshots(jdbc);
    }

    @Bean
    TickingThread budgetSnapshotWriter(RateBudgets budgets, BudgetSnapshots snapshots, String workerInstanceId,
                                       Clock clock, BudgetProperties properties) {
        BudgetSnapshotter snapshotter = new BudgetSnapshotter(new RateBudgetsSource(budgets, clock), snapshots,
                workerInstanceId, clock);
        return new TickingThread("budget-snapshots", properties.snapshotPeriod(), snapshotter::tick);
    }
}
