package dev.ksefplatform.worker.budget;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often the budget snapshot is written ({@code worker.budget.*}): one statement per period at most. */
@ConfigurationProperties("worker.budget")
public record BudgetProperties(@DefaultValue("10s") Duration snapshotPeriod) {
}
