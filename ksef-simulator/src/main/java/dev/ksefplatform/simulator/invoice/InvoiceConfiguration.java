package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class InvoiceConfiguration {

    @Bean(destroyMethod = "deleteDocuments")
    public AcceptedInvoices acceptedInvoices(ReferenceNumbers references) {
        return new AcceptedInvoices(references);
    }

    @Bean
    public PublishedHwms publishedHwms() {
        return new PublishedHwms();
    }
}
