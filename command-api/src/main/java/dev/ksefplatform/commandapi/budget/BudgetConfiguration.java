package dev.ksefplatform.commandapi.budget;

import dev.ksefplatform.commandapi.budget.adapter.http.HttpKsefBudgets;
import dev.ksefplatform.commandapi.budget.application.KsefBudgetQuery;
import dev.ksefplatform.commandapi.submission.SubmissionProperties;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The tenant's KSeF budget, read from tenant-worker's snapshot for the context the gateway submits to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantWorkerProperties.class)
class BudgetConfiguration {

    @Bean
    KsefBudgetQuery ksefBudgetQuery(WebClient.Builder web, TenantWorkerProperties worker,
                                    @Value("${ksef.services.tenant-worker.url}") String workerUrl,
                                    SubmissionProperties submission) {
        WebClient client = SyncServiceClient.create(web, "tenant-worker", workerUrl, worker.token(), worker.timeout(),
                worker.maxIdle());
        return new KsefBudgetQuery(new HttpKsefBudgets(client, worker.timeout()), submission.environment());
    }
}
