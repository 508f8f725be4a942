package dev.ksefplatform.commandapi.integration.api;

import dev.ksefplatform.commandapi.integration.application.IntegrationFilter;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import dev.ksefplatform.commandapi.web.QueryParameters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The operators' integration filters and the operator's id, checked before anything reaches the vault. */
final class OperatorParameters {

    static final String OPERATOR_ID = "X-Operator-Id";
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 100;
    private static final Set<String> ACCEPTED = new LinkedHashSet<>(
            List.of("tenantId", "status", "kind", "environment", "page", "size"));
    private static final Set<String> STATUSES = new LinkedHashSet<>(
            List.of("PENDING", "ACTIVE", "ERROR", "EXPIRED", "DISABLED", "REVOKED"));
    private static final Set<String> KINDS = new LinkedHashSet<>(List.of("KSEF_TOKEN", "CERTIFICATE", "PROVIDER_CREDENTIAL"));
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Z0-9_]{1,32}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private OperatorParameters() {
    }

    static IntegrationFilter filter(Map<String, List<String>> query) {
        QueryParameters given = QueryParameters.of(query, ACCEPTED);
        return new IntegrationFilter(given.matching("tenantId", UUID, "a tenant id (a lower-case UUID)"),
                given.oneOf("status", STATUSES), given.oneOf("kind", KINDS),
                given.matching("environment", ENVIRONMENT, "a KSeF environment such as TEST"),
                number(given, "page", 0, 10_000, 0), number(given, "size", 1, MAX_SIZE, DEFAULT_SIZE));
    }

    /** Every operator's action names the person (the console's operator id, or the admin's own name). */
    static String operator(String header) {
        if (header == null || !OPERATOR.matcher(header).matches()) {
            throw new InvalidQueryParameter(OPERATOR_ID, "the header must name the operator acting: 1-100 characters "
                    + "of [A-Za-z0-9._@-]");
        }
        return header;
    }

    private static int number(QueryParameters given, String name, int min, int max, int absent) {
        String text = given.matching(name, NUMBER, "a whole number from " + min + " to " + max);
        int value = text == null ? absent : Integer.parseInt(text);
        if (value < min || value > max) {
            throw new InvalidQueryParameter(name, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
