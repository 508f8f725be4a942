package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.SimulatorProperties;
import dev.ksefplatform.simulator.fault.FaultInjector;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.SignedLinks;
import dev.ksefplatform.simulator.shared.Workers;
import dev.ksefplatform.simulator.stats.SimulatorStats;
import dev.ksefplatform.simulator.upo.UpoStorage;
import dev.ksefplatform.simulator.upo.UpoWriter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SessionConfiguration {

    @Bean
    InvoiceProcessor invoiceProcessor(AcceptedInvoices accepted, UpoWriter upoWriter, UpoStorage storage,
                                      Workers workers, SimulatorProperties properties,
                                      FaultInjector faults, Clock clock) {
        return new InvoiceProcessor(new InvoiceVerifier(clock), accepted, upoWriter, storage, workers,
                properties.processingDelay(), faults, clock);
    }

    @Bean
    OnlineSessions onlineSessions(KeyRing keys, InvoiceProcessor invoiceProcessor, Workers workers,
                                  SimulatorStats stats, ReferenceNumbers references, Clock clock) {
        return new OnlineSessions(keys, invoiceProcessor, workers, stats, references, clock);
    }

    @Bean(destroyMethod = "deleteFiles")
    BatchSessions batchSessions(OnlineSessions sessions, InvoiceProcessor invoiceProcessor, Workers workers,
                                SimulatorStats stats, ReferenceNumbers references, Clock clock) {
        return new BatchSessions(sessions, new BatchProcessor(new BatchDecisions(invoiceProcessor, workers), stats,
                references, clock),
                new SignedLinks(clock), references, clock);
    }

    @Bean
    SessionViews sessionViews(UpoStorage storage, UpoWriter writer, ReferenceNumbers references, Clock clock) {
        return new SessionViews(storage, writer, references, clock);
    }
}
