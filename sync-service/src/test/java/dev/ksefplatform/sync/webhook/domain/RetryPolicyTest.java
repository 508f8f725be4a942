package dev.ksefplatform.sync.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);

    @Test
    void doublesThePauseAfterEachFailedAttemptUpToItsMaximumAndGivesUpAfterItsAttempts() {
        assertThat(policy.pauseAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.pauseAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.pauseAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.pauseAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.pauseAfter(1000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.givesUpAfter(3)).isFalse();
        assertThat(policy.givesUpAfter(4)).isTrue();
    }

    @Test
    void aWebhookUrlIsAbsoluteHttpsUnlessPlainHttpIsAllowed() {
        assertThat(WebhookUrl.check("https://hooks.example.com/ksef?x=1", false).getHost()).isEqualTo("hooks.example.com");
        assertThat(WebhookUrl.check("http://127.0.0.1:8080/h", true).getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> WebhookUrl.check("http://hooks.example.com/h", false)).isInstanceOf(InvalidWebhook.class);
        assertThatThrownBy(() -> WebhookUrl.check("https://user:pw@hooks.example.com/h", false))
                .isInstanceOf(InvalidWebhook.class);
        assertThatThrownBy(() -> WebhookUrl.check("/relative", false)).isInstanceOf(InvalidWebhook.class);
        assertThatThrownBy(() -> WebhookUrl.check("https://x/" + "a".repeat(2048), false))
                .isInstanceOf(InvalidWebhook.class);
    }

    @Test
    void theSignatureNamesItsTimestampAndDependsOnKeyAndBody() {
        // the receiver's own check of the value is in WebhookDeliveryIT (WebhookReceiver); here: shape and inputs
        String header = WebhookSignature.header("Jefe", 0, "what do ya want for nothing?".getBytes());

        assertThat(header).startsWith("t=0,v1=");
        assertThat(header.substring(7)).hasSize(64).matches("[0-9a-f]+");
        assertThat(WebhookSignature.header("Jefe", 0, "x".getBytes())).isNotEqualTo(header);
        assertThat(WebhookSignature.header("Jeff", 0, "what do ya want for nothing?".getBytes())).isNotEqualTo(header);
    }
}
