package dev.ksefplatform.console.certificate;

import dev.ksefplatform.console.commandapi.CommandApi;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Certificate uploads (wizard and rotation): a KSeF PKCS#12 file is a few kilobytes, so 64 KB bounds it. */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

    @Bean
    CertificateUploads certificateUploads(CommandApi commandApi,
                                          @Value("${console.certificate.max-size:64KB}") DataSize maxSize) {
        return new CertificateUploads(new CertificateChecks(Clock.systemUTC()), new TenantNips(commandApi), maxSize);
    }
}
