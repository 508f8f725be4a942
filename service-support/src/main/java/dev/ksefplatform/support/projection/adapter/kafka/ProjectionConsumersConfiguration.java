package dev.ksefplatform.support.projection.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A projection service imports it beside its {@link EventsListener} bean: the one {@link ListenerControl} of that
 * listener (a rebuild's replay goes through it too) and {@link ProjectionConsumers}, one consumer while the read
 * models keep up and up to {@code ksef.projection.consumers} while they are behind (README, item 4).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConsumersConfiguration {

    @Bean
    ListenerControl listenerControl(KafkaListenerEndpointRegistry registry, EventsListener<?> listener,
                                    @Value("${ksef.projection.consumers:2}") int maxConsumers) {
        return new ListenerControl(registry, listener.listenerId(), maxConsumers);
    }

    @Bean
    ProjectionConsumers projectionConsumers(ListenerControl control, MeterRegistry meters,
                                            @Value("${ksef.projection.scale-up-lag:10000}") long upLag,
                                            @Value("${ksef.projection.scale-check:5s}") Duration check) {
        return new ProjectionConsumers(control, upLag, check, meters);
    }
}
