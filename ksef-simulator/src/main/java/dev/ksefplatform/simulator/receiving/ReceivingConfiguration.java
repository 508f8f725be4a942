package dev.ksefplatform.simulator.receiving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.simulator.SimulatorProperties;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.Workers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ReceivingConfiguration {

    @Bean
    InvoiceSearch invoiceSearch(AcceptedInvoices accepted, Clock clock) {
        return new InvoiceSearch(accepted, clock);
    }

    @Bean
    QuerySnapshots querySnapshots(Clock clock) {
        return new QuerySnapshots(clock);
    }

    @Bean(destroyMethod = "deletePackages")
    Exports exports(InvoiceSearch search, AcceptedInvoices accepted, ObjectMapper mapper, KeyRing keys,
                    Workers workers, SimulatorProperties properties, ReferenceNumbers references, Clock clock) {
        return new Exports(search, new ExportPackager(accepted, mapper), keys, workers,
                properties.processingDelay(), references, clock, properties.exportMaxInvoices());
    }
}
