package dev.ksefplatform.commandapi.platform;

import dev.ksefplatform.commandapi.platform.adapter.kafka.KafkaConsumerLag;
import dev.ksefplatform.commandapi.platform.application.ConsumerLag;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Operators' view of the platform's consumer groups, through one Admin client closed with the context. */
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
}
