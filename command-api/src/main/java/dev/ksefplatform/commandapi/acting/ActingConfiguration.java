package dev.ksefplatform.commandapi.acting;

import dev.ksefplatform.commandapi.acting.adapter.kafka.KafkaActingEvents;
import dev.ksefplatform.commandapi.acting.application.StaffActingLog;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Act-for audit: the console's operator acting for a tenant becomes an event of that tenant (its own producer). */
@Configuration(proxyBeanMethods = false)
class ActingConfiguration {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    KafkaActingEvents actingEvents(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        return new KafkaActingEvents(new KafkaProducer<>(config, new StringSerializer(), new EventEnvelopeSerializer()),
                SEND_TIMEOUT);
    }

    @Bean
    StaffActingLog staffActingLog(Tenants tenants, KafkaActingEvents actingEvents, Clock clock) {
        return new StaffActingLog(tenants, actingEvents, clock);
    }
}
