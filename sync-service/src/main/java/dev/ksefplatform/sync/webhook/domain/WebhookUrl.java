package dev.ksefplatform.sync.webhook.domain;

import java.net.URI;
import java.net.URISyntaxException;

/** A tenant's endpoint: an absolute HTTPS URL (plain HTTP only where the deployment allows it, e.g. tests). */
public final class WebhookUrl {

    private static final int MAX_LENGTH = 2048;

    private WebhookUrl() {
    }

    public static URI check(String text, boolean allowHttp) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new InvalidWebhook("url is required (at most " + MAX_LENGTH + " characters)");
        }
        try {
            URI uri = new URI(text);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean http = allowHttp && "http".equalsIgnoreCase(uri.getScheme());
            if (!(https || http) || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw new InvalidWebhook("url must be an absolute https URL without user info or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidWebhook("url is not a URL");
        }
    }
}
