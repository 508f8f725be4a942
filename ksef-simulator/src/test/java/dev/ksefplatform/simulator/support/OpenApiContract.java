package dev.ksefplatform.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Checks the simulator's responses against the official KSeF openapi.json (from the ksef-client test-jar). */
public final class OpenApiContract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(spec())
            .withBasePathOverride("/v2")
            .build();

    private OpenApiContract() {
    }

    public static void assertResponseMatches(Request.Method method, String path, int status, String contentType,
                                             String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null) {
            response.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(path, method, response.build());
        assertThat(report.getMessages())
                .as("%s %s -> %d %s violates openapi.json", method, path, status, body)
                .isEmpty();
    }

    private static String spec() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/ksef/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
