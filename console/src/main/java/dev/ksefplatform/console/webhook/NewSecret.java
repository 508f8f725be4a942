package dev.ksefplatform.console.webhook;

import java.util.Map;
import org.springframework.web.server.WebSession;

/**
 * A webhook's signing secret between command-api's answer and the one page that shows it: kept in the session only
 * until that page is rendered, so a reload (or any later page) no longer has it.
 */
public record NewSecret(String webhookId, String url, String secret, String replaced) {

    private static final String ATTRIBUTE = "console.webhookSecret";

    static NewSecret of(Map<String, Object> created) {
        Object replaced = created.get("replaced");
        return new NewSecret(String.valueOf(created.get("webhookId")), String.valueOf(created.get("url")),
                String.valueOf(created.get("secret")), replaced == null ? null : replaced.toString());
    }

    void keepIn(WebSession session) {
        session.getAttributes().put(ATTRIBUTE, this);
    }

    /** The secret kept, removed as it is taken; null when there is none (any second look). */
    static NewSecret takeFrom(WebSession session) {
        return (NewSecret) session.getAttributes().remove(ATTRIBUTE);
    }

    @Override
    public String toString() {
        return "NewSecret[webhookId=" + webhookId + ", secret=redacted]";
    }
}
