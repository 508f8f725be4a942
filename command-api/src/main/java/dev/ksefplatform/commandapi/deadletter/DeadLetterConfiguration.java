package dev.ksefplatform.commandapi.deadletter;

import dev.ksefplatform.commandapi.deadletter.adapter.kafka.KafkaDeadLetterTopic;
import dev.ksefplatform.commandapi.deadletter.adapter.r2dbc.R2dbcRedriveLog;
import dev.ksefplatform.commandapi.deadletter.application.DeadLetterRedrives;
import dev.ksefplatform.commandapi.deadletter.application.DeadLetterTopic;
import dev.ksefplatform.commandapi.deadletter.application.RedriveLog;
import dev.ksefplatform.commandapi.deadletter.application.RedriveRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Operators' dead letters and re-drives: reads of {@code ksef.commands.v1-dlt}, the re-drive log and its relay. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> redriveProducer(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    @Bean
    DeadLetterTopic deadLetterTopic(KafkaProperties kafka, KafkaProducer<String, byte[]> redriveProducer,
                                    @Value("${commandapi.dead-letters.kafka-timeout:PT5S}") Duration timeout) {
        Map<String, Object> config = kafka.buildConsumerProperties(null);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned, never subscribed: no group, nothing committed
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaDeadLetterTopic(() -> new KafkaConsumer<>(config), redriveProducer, timeout);
    }

    @Bean
    RedriveLog redriveLog(DatabaseClient db) {
        return new R2dbcRedriveLog(db);
    }

    @Bean
    DeadLetterRedrives deadLetterRedrives(DeadLetterTopic topic, RedriveLog redrives, Clock clock) {
        return new DeadLetterRedrives(topic, redrives, clock);
    }

    @Bean
    RedriveSchedule redriveSchedule(RedriveLog redrives, DeadLetterTopic topic, Clock clock) {
        return new RedriveSchedule(new RedriveRelay(redrives, topic, clock, Duration.ofSeconds(30)));
    }
}
