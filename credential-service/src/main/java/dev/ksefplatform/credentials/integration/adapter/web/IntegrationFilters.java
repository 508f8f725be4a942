package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.integration.application.IntegrationQuery;
import dev.ksefplatform.credentials.integration.domain.IntegrationKind;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The admin listing's query parameters, checked: a value it does not know is refused, never ignored. */
final class IntegrationFilters {

    /** The ids command-api gives its tenants (UUIDs), and the test's readable ones. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Z0-9_]{1,32}");

    private IntegrationFilters() {
    }

    static IntegrationQuery query(String tenantId, String status, String kind, String environment, int page,
                                  int size) {
        if (tenantId != null && !TENANT_ID.matcher(tenantId).matches()) {
            throw new InvalidRequest("tenantId must be 1-100 characters of [A-Za-z0-9._:-]");
        }
        if (environment != null && !ENVIRONMENT.matcher(environment).matches()) {
            throw new InvalidRequest("environment must be one of the configured KSeF environments, e.g. TEST");
        }
        if (page < 0 || size < 1 || size > IntegrationQuery.MAX_SIZE) {
            throw new InvalidRequest("page must be 0 or more and size 1-" + IntegrationQuery.MAX_SIZE);
        }
        return new IntegrationQuery(blankAsNull(tenantId), parse(IntegrationStatus.class, "status", status),
                parse(IntegrationKind.class, "kind", kind), blankAsNull(environment), page, size);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
