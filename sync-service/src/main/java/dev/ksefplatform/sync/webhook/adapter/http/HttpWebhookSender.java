package dev.ksefplatform.sync.webhook.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.webhook.application.WebhookSender;
import dev.ksefplatform.sync.webhook.domain.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs the notification as JSON, signed over exactly the bytes sent; redirects are not followed, the answer's body is
 * not read, and each attempt gives up after {@code timeout}.
 */
public final class HttpWebhookSender implements WebhookSender {

    private final WebClient web;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    public HttpWebhookSender(WebClient.Builder web, ObjectMapper json, Clock clock, Duration timeout) {
        HttpClient http = HttpClient.create().followRedirect(false).responseTimeout(timeout);
        this.web = web.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Mono<Integer> send(String url, String secret, Notification notification) {
        byte[] body = body(notification);
        String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), body);
        return web.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, signature)
                .header("Ksef-Notification-Id", notification.eventId())
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(timeout);
    }

    private byte[] body(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", n.eventId());
        body.put("occurredAt", n.occurredAt().toString());
        body.put("kind", n.kind().name());
        body.put("severity", n.severity().name());
        body.put("subject", n.subject());
        body.put("contextNip", n.contextNip());
        body.put("message", n.message());
        body.put("action", n.action());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }
}
