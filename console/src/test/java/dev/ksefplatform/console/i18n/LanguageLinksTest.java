package dev.ksefplatform.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LanguageLinksTest {

    @Test
    void leadsToTheSamePageWithItsQueryAndTheOtherLanguage() {
        assertThat(LanguageLinks.to(URI.create("http://console:8086/dashboard"), "en")).isEqualTo("/dashboard?lang=en");
        assertThat(LanguageLinks.to(URI.create("http://c/onboarding/credential?environment=TEST&scopes=InvoiceWrite"
                + "&scopes=InvoiceRead&kind=KSEF_TOKEN&lang=pl"), "en")).isEqualTo(
                "/onboarding/credential?environment=TEST&scopes=InvoiceWrite&scopes=InvoiceRead&kind=KSEF_TOKEN&lang=en");
        assertThat(LanguageLinks.to(URI.create("http://c/operator/tenants?q=Omega%20Rachunkowo%C5%9B%C4%87"), "pl"))
                .isEqualTo("/operator/tenants?q=Omega%20Rachunkowo%C5%9B%C4%87&lang=pl");
    }

    @Test
    void neverLeadsToAnotherHost() {
        assertThat(LanguageLinks.to(URI.create("http://c//evil.example/x"), "en")).as("not protocol-relative")
                .startsWith("/").doesNotStartWith("//");
        assertThat(LanguageLinks.to(URI.create("http://c"), "en")).isEqualTo("/?lang=en");
    }
}
