package dev.ksefplatform.commandapi.submission.api;

import dev.ksefplatform.commandapi.web.QueryParameters;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The submissions listing's query, checked; {@link #forwarded()} is what sync-service is asked (CONTRACTS §4). */
final class InvoiceListParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final Set<String> STATUSES = new LinkedHashSet<>(List.of("SENT", "ACCEPTED", "REJECTED", "DUPLICATE", "FAILED"));
    private static final Set<String> NAMES = new LinkedHashSet<>(List.of("status", "invoiceNumber", "createdFrom",
            "createdTo", "limit", "cursor"));

    private InvoiceListParameters() {
    }

    static Map<String, String> forwarded(Map<String, List<String>> query) {
        QueryParameters given = QueryParameters.of(query, NAMES);
        var createdFrom = given.date("createdFrom");
        var createdTo = given.date("createdTo");
        QueryParameters.ordered("createdFrom", createdFrom, "createdTo", createdTo);
        Map<String, String> forwarded = new LinkedHashMap<>();
        put(forwarded, "status", given.oneOf("status", STATUSES));
        put(forwarded, "invoiceNumber", given.text("invoiceNumber", 256));
        put(forwarded, "createdFrom", createdFrom);
        put(forwarded, "createdTo", createdTo);
        put(forwarded, "limit", given.limit(DEFAULT_LIMIT, MAX_LIMIT));
        put(forwarded, "cursor", given.cursor());
        return forwarded;
    }

    private static void put(Map<String, String> forwarded, String name, Object value) {
        if (value != null) {
            forwarded.put(name, Objects.toString(value));
        }
    }
}
