package dev.ksefplatform.commandapi.platform;

import dev.ksefplatform.commandapi.budget.TenantWorkerProperties;
import dev.ksefplatform.commandapi.platform.adapter.http.HttpWorkerBacklogs;
import dev.ksefplatform.commandapi.platform.adapter.kafka.KafkaConsumerLag;
import dev.ksefplatform.commandapi.platform.application.ConsumerLag;
import dev.ksefplatform.commandapi.platform.application.WorkerBacklogs;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Operators' view of the platform: consumer groups, through one Admin client closed with the context, and the largest
 * backlogs, from tenant-worker's internal API.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean(destroyMethod = "close")
    Admin platformAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    ConsumerLag consumerLag(Admin platformAdmin,
                            @Value("${commandapi.platform.consumer-groups:tenant-worker,sync-service,audit-projector,"
                                    + "command-api,command-api-ingress}") List<String> groups,
                            @Value("${commandapi.platform.kafka-timeout:PT5S}") Duration timeout) {
        return new KafkaConsumerLag(platformAdmin, groups, timeout);
    }

    @Bean
    WorkerBacklogs workerBacklogs(WebClient.Builder web, TenantWorkerProperties worker,
                                  @Value("${ksef.services.tenant-worker.url}") String workerUrl) {
        return new HttpWorkerBacklogs(SyncServiceClient.create(web, "tenant-worker", workerUrl, worker.token(),
                worker.timeout(), worker.maxIdle()), worker.timeout());
    }
}
