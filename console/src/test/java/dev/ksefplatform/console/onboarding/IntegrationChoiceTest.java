package dev.ksefplatform.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class IntegrationChoiceTest {

    private static final List<String> ENVIRONMENTS = List.of("TEST");

    @Test
    void takesAnOfferedChoiceInTheScopesOwnOrder() {
        IntegrationChoice choice = IntegrationChoice.of(form("TEST", "KSEF_TOKEN", "InvoiceRead", "InvoiceWrite"), ENVIRONMENTS);

        assertThat(choice.scopes()).containsExactly("InvoiceWrite", "InvoiceRead");
        assertThat(choice.body("tok")).isEqualTo(Map.of("environment", "TEST", "scopes", List.of("InvoiceWrite", "InvoiceRead"),
                "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", "tok")));
        assertThat(IntegrationChoice.of(form("TEST", "PROVIDER", "InvoiceRead"), ENVIRONMENTS).body(null))
                .containsEntry("credential", Map.of("type", "PROVIDER"));
        assertThat(IntegrationChoice.of(form("TEST", "CERTIFICATE", "InvoiceWrite"), ENVIRONMENTS)
                .withCredential(Map.of("type", "CERTIFICATE"))).containsEntry("credential", Map.of("type", "CERTIFICATE"));
    }

    @Test
    void refusesWhatWasNotOfferedSayingWhatToChoose() {
        assertThatThrownBy(() -> IntegrationChoice.of(form("PROD", "KSEF_TOKEN", "InvoiceRead"), ENVIRONMENTS))
                .hasMessage("onboarding.choice.environment");
        assertThatThrownBy(() -> IntegrationChoice.of(form("TEST", "KSEF_TOKEN"), ENVIRONMENTS))
                .hasMessage("onboarding.choice.scopes");
        assertThatThrownBy(() -> IntegrationChoice.of(form("TEST", "KSEF_TOKEN", "CredentialsManage"), ENVIRONMENTS))
                .hasMessage("onboarding.choice.scopes");
        assertThatThrownBy(() -> IntegrationChoice.of(form("TEST", "KSEF_TOKEN", "InvoiceRead", "InvoiceRead"), ENVIRONMENTS))
                .hasMessage("onboarding.choice.scopes");
        assertThatThrownBy(() -> IntegrationChoice.of(form("TEST", "SMART_CARD", "InvoiceRead"), ENVIRONMENTS))
                .hasMessage("onboarding.choice.kind");
    }

    private static MultiValueMap<String, String> form(String environment, String kind, String... scopes) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("environment", environment);
        form.add("kind", kind);
        for (String scope : scopes) {
            form.add("scopes", scope);
        }
        return form;
    }
}
