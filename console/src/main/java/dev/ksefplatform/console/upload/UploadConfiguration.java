package dev.ksefplatform.console.upload;

import dev.ksefplatform.console.commandapi.CommandApi;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    InvoiceUploads invoiceUploads(CommandApi commandApi, UploadProperties limits, MessageSource messages) {
        return new InvoiceUploads(commandApi, Math.toIntExact(limits.maxFileSize().toBytes()), messages);
    }
}
