package dev.ksefplatform.ksef.client.http;

import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.ksef.client.error.KsefGoneException;
import dev.ksefplatform.ksef.client.error.KsefRateLimitedException;
import dev.ksefplatform.ksef.client.error.KsefServerException;
import dev.ksefplatform.ksef.client.error.KsefUnauthorizedException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Turns a non-2xx KSeF response into the typed exception. Bodies are parsed, never copied into messages. */
final class ErrorMapper {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Clock clock;

    ErrorMapper(Clock clock) {
        this.clock = clock;
    }

    KsefException toException(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 429) {
            return new KsefRateLimitedException(retryAfter(response));
        }
        if (isHtml(response)) {
            // KSeF's firewall and gateways answer with HTML pages, whatever the status: retryable, and named as such
            return new KsefUnexpectedResponseException(status, "HTML page instead of JSON (" + contentType(response) + ")", null);
        }
        if (status >= 500) {
            return new KsefServerException(status);
        }
        if (!isJson(response)) {
            return new KsefUnexpectedResponseException(status, "non-JSON error body (" + contentType(response) + ")", null);
        }
        ErrorBody body = parse(response);
        return switch (status) {
            case 401 -> new KsefUnauthorizedException(body.detailOr("unauthorized"));
            case 403 -> new KsefForbiddenException(body.reasonCode() == null ? "unknown" : body.reasonCode());
            case 410 -> new KsefGoneException(body.detailOr("gone"));
            default -> new KsefApiException(status, body.ksefErrors());
        };
    }

    static boolean isJson(HttpResponse<byte[]> response) {
        String type = contentType(response);
        return type.contains("json") && !startsWithMarkup(response.body());
    }

    static boolean isHtml(HttpResponse<byte[]> response) {
        return contentType(response).contains("html") || startsWithMarkup(response.body());
    }

    static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("none").toLowerCase();
    }

    private static boolean startsWithMarkup(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    private ErrorBody parse(HttpResponse<byte[]> response) {
        if (response.body().length == 0) {
            return new ErrorBody(null, null, null, List.of(), null);
        }
        try {
            return Json.MAPPER.readValue(response.body(), ErrorBody.class);
        } catch (IOException e) {
            throw new KsefUnexpectedResponseException(response.statusCode(), "unreadable error body", e);
        }
    }

    private Duration retryAfter(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).map(this::parseRetryAfter)
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }
}
