package dev.ksefplatform.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.webhook.adapter.http.HttpWebhookSender;
import dev.ksefplatform.sync.webhook.adapter.net.DnsWebhookEgress;
import dev.ksefplatform.sync.webhook.domain.EgressRefused;
import dev.ksefplatform.sync.webhook.domain.InvalidWebhook;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The SSRF egress filter over real HTTP and the JDK's resolver: a receiver on loopback (an endpoint inside the
 * platform's network) is refused at registration and, reached by IP literal or by name, at delivery, so it receives
 * nothing; with private addresses allowed (tests, local stacks) the same delivery arrives.
 */
class WebhookEgressIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SECRET = "whsec_egress-it";

    @Test
    void registrationRefusesAHostThatIsOrResolvesToANonPublicAddress() {
        for (String url : List.of("http://127.0.0.1:8080/hooks", "http://localhost/hooks", "http://[::1]/hooks",
                "http://169.254.169.254/latest/meta-data/", "https://10.0.0.7/hooks", "https://[::ffff:192.168.0.1]/x")) {
            assertThatThrownBy(() -> DnsWebhookEgress.publicOnly().check(URI.create(url)).block(TIMEOUT)).as(url)
                    .isInstanceOf(EgressRefused.class);
        }
        DnsWebhookEgress.publicOnly().check(URI.create("https://no-such-host.invalid/x")).block(TIMEOUT);
        DnsWebhookEgress.publicOnly().check(URI.create("https://8.8.8.8/hooks")).block(TIMEOUT);
        DnsWebhookEgress.allowingAll().check(URI.create("http://127.0.0.1:8080/hooks")).block(TIMEOUT);
    }

    @Test
    void aHostThatDoesNotResolveIsTakenAtRegistrationButNotDeliveredTo() {
        assertThatThrownBy(() -> sender(false).send("https://no-such-host.invalid/x", SECRET, notification())
                .block(TIMEOUT)).satisfies(failure -> assertThat(causes(failure))
                .anyMatch(t -> t instanceof InvalidWebhook && t.getMessage().contains("does not resolve")));
    }

    @Test
    void deliveryToALoopbackEndpointIsRefusedBeforeAnyByteIsSentByLiteralAndByName() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            receiver.secret(SECRET);
            HttpWebhookSender strict = sender(false);
            String byName = receiver.url().replace("127.0.0.1", "localhost");

            assertRefused(() -> strict.send(receiver.url(), SECRET, notification()).block(TIMEOUT));
            assertRefused(() -> strict.send(byName, SECRET, notification()).block(TIMEOUT));

            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void withPrivateAddressesAllowedTheSameDeliveryArrivesSigned() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            receiver.secret(SECRET);

            Integer status = sender(true).send(receiver.url().replace("127.0.0.1", "localhost"), SECRET, notification())
                    .block(TIMEOUT);

            assertThat(status).isEqualTo(204);
            assertThat(receiver.received()).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
        }
    }

    private static void assertRefused(ThrowingCallable delivery) {
        assertThatThrownBy(delivery).satisfies(failure -> assertThat(causes(failure))
                .anyMatch(EgressRefused.class::isInstance));
    }

    private static List<Throwable> causes(Throwable failure) {
        java.util.ArrayList<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static HttpWebhookSender sender(boolean allowPrivate) {
        return new HttpWebhookSender(WebClient.builder(), new ObjectMapper(), Clock.systemUTC(), Duration.ofSeconds(5),
                allowPrivate);
    }

    private static Notification notification() {
        return new Notification("event-egress", "tenant-egress", Instant.parse("2026-12-03T12:00:00Z"),
                Notification.Kind.INVOICE_REJECTED, Notification.Severity.ERROR, "cmd-1", "5265877635", "rejected",
                null);
    }
}
