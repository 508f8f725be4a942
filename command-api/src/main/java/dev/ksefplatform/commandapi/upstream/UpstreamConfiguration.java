package dev.ksefplatform.commandapi.upstream;

import dev.ksefplatform.commandapi.submission.SubmissionProperties;
import dev.ksefplatform.commandapi.submission.application.CommandRetention;
import dev.ksefplatform.commandapi.submission.application.InvoiceSubmissions;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import dev.ksefplatform.commandapi.upstream.adapter.kafka.IngressListener;
import dev.ksefplatform.commandapi.upstream.adapter.kafka.IngressRefusals;
import dev.ksefplatform.commandapi.upstream.adapter.kafka.IngressTopics;
import dev.ksefplatform.commandapi.upstream.adapter.r2dbc.R2dbcUpstreamGrants;
import dev.ksefplatform.commandapi.upstream.application.UpstreamAccess;
import dev.ksefplatform.commandapi.upstream.application.UpstreamGrants;
import dev.ksefplatform.commandapi.upstream.application.UpstreamIntake;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Wires the upstream ingress: one consumer group over every configured system's topic (started only if there is one),
 * the grants and their admin API.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

    static final String GROUP = "command-api-ingress";

    @Bean
    UpstreamGrants upstreamGrants(DatabaseClient db) {
        return new R2dbcUpstreamGrants(db);
    }

    @Bean
    UpstreamAccess upstreamAccess(UpstreamProperties upstreams, Tenants tenants, UpstreamGrants grants, Clock clock) {
        upstreams.systems().forEach(IngressTopics::of); // refuses an id that is no topic name at start
        return new UpstreamAccess(Set.copyOf(upstreams.systems()), tenants, grants, clock);
    }

    @Bean
    UpstreamIntake upstreamIntake(UpstreamGrants grants, Tenants tenants, InvoiceSubmissions submissions,
                                  SubmissionProperties submission, CommandRetention retention) {
        return new UpstreamIntake(grants, tenants, submissions, submission.maxBytes(),
                () -> retention.horizon().plus(Duration.ofDays(1)));
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> ingressRefusalProducer(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    @Bean
    IngressRuntime ingressRuntime(UpstreamProperties upstreams, KafkaProperties kafka, UpstreamIntake intake,
                                  KafkaProducer<String, byte[]> ingressRefusalProducer, Clock clock) {
        if (upstreams.systems().isEmpty()) {
            return new IngressRuntime(null);
        }
        Map<String, Object> consumer = kafka.buildConsumerProperties(null);
        consumer.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        ContainerProperties container = new ContainerProperties(
                upstreams.systems().stream().map(IngressTopics::of).toArray(String[]::new));
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener(new IngressListener(intake,
                new IngressRefusals(ingressRefusalProducer, clock, upstreams.timeout()), upstreams.timeout()));
        var listeners = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<String, byte[]>(consumer),
                container);
        listeners.setConcurrency(upstreams.concurrency());
        // an outage is waited out on the same record, never skipped: nothing an upstream system published is lost
        listeners.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return new IngressRuntime(listeners);
    }
}
