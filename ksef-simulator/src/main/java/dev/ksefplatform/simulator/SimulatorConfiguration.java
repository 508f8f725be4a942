package dev.ksefplatform.simulator;

import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every feature: the clock and the background worker. */
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

    /** One thread, so invoices are processed in arrival order and duplicate checks never race. */
    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService simulatorWorker() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ksef-simulator-worker");
            thread.setDaemon(true);
            return thread;
        });
    }
}
