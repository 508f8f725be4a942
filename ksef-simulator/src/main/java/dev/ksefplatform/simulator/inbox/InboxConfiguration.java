package dev.ksefplatform.simulator.inbox;

import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.invoice.PublishedHwms;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class InboxConfiguration {

    @Bean
    InboxSeeder inboxSeeder(AcceptedInvoices accepted, PublishedHwms published, ReferenceNumbers references,
                            Clock clock) {
        return new InboxSeeder(accepted, published, new InvoiceVerifier(clock), references, clock);
    }
}
