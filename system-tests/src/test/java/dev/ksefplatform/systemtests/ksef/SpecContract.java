package dev.ksefplatform.systemtests.ksef;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The official KSeF {@code openapi.json} (from the ksef-client test-jar) as a judge of recorded exchanges: the
 * request and the response are both validated, and the spec operation they belong to is named.
 */
final class SpecContract {

    private static final String SPEC = load();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC)
            .withBasePathOverride("/v2")
            .build();
    private static final List<Operation> OPERATIONS = operations();
    private static final Set<String> WARNINGS = new ConcurrentSkipListSet<>();

    private SpecContract() {
    }

    /** Empty when the spec allows both the request and the response; otherwise the validator's messages. */
    static List<String> violations(Exchange exchange) {
        ValidationReport report = VALIDATOR.validate(request(exchange), response(exchange));
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.WARN)
                .forEach(m -> WARNINGS.add(operationOf(exchange).orElse("?") + ": " + m.getKey()));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> exchange + ": " + m.getKey() + " " + m.getMessage())
                .toList();
    }

    /** Distinct validator warnings (not failures) seen so far, by operation and message key. */
    static Set<String> warnings() {
        return Set.copyOf(WARNINGS);
    }

    /** The spec operation, e.g. {@code POST /sessions/online/{referenceNumber}/invoices}, if there is one. */
    static Optional<String> operationOf(Exchange exchange) {
        String path = exchange.uri().getPath().substring("/v2".length());
        return OPERATIONS.stream()
                .filter(o -> o.method().equalsIgnoreCase(exchange.method()) && o.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalLength))
                .map(o -> o.method() + " " + o.template());
    }

    private static Request request(Exchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.uri().getPath());
        exchange.requestHeaders().forEach(builder::withHeader);
        String query = exchange.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                builder.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (exchange.requestBody().length > 0) {
            builder.withBody(new String(exchange.requestBody(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static Response response(Exchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (exchange.responseBody().length > 0) {
            builder.withBody(new String(exchange.responseBody(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private record Operation(String method, String template, Pattern pattern, int literalLength) {
    }

    private static List<Operation> operations() {
        try {
            JsonNode paths = new ObjectMapper().readTree(SPEC).path("paths");
            return StreamSupport.stream(((Iterable<String>) paths::fieldNames).spliterator(), false)
                    .flatMap(template -> StreamSupport.stream(((Iterable<String>) paths.path(template)::fieldNames)
                                    .spliterator(), false)
                            .map(method -> operation(method.toUpperCase(), template)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operation operation(String method, String template) {
        String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        return new Operation(method, template, Pattern.compile(regex), template.replaceAll("\\{[^}]+}", "").length());
    }

    private static String load() {
        try (InputStream in = SpecContract.class.getResourceAsStream("/ksef/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("/ksef/openapi.json is missing: the ksef-client test-jar is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
