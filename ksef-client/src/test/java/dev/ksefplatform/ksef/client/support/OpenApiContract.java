package dev.ksefplatform.ksef.client.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Validates recorded requests against the official KSeF {@code openapi.json} on the test classpath. */
public final class OpenApiContract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(spec())
            .withBasePathOverride("/v2")
            .build();

    private OpenApiContract() {
    }

    /** Empty when the request is one the spec allows; otherwise the validator's messages. */
    public static List<String> violations(LoggedRequest logged) {
        if (!URI.create(logged.getUrl()).getPath().startsWith("/v2/")) {
            return List.of(); // pre-signed storage links (UPO) are not part of the API
        }
        ValidationReport report = VALIDATOR.validateRequest(toRequest(logged));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> logged.getMethod() + " " + logged.getUrl() + ": " + m.getKey() + " " + m.getMessage())
                .toList();
    }

    private static Request toRequest(LoggedRequest logged) {
        URI uri = URI.create(logged.getUrl());
        SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getPath());
        logged.getHeaders().all().forEach(h -> builder.withHeader(h.key(), h.values()));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                builder.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBodyAsString());
        }
        return builder.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String spec() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/ksef/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
