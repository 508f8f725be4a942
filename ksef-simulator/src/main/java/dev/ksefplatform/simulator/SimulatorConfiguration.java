package dev.ksefplatform.simulator;

import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.Workers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every feature: the clock and the background workers. */
@Configuration
public class SimulatorConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ReferenceNumbers referenceNumbers(Clock clock) {
        return new ReferenceNumbers(clock);
    }

    /** One worker per core (at least two, so a large batch never holds up online invoices). */
    @Bean(destroyMethod = "close")
    public Workers simulatorWorkers() {
        return new Workers(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
