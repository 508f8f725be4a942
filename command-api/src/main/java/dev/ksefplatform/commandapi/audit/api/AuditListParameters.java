package dev.ksefplatform.commandapi.audit.api;

import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import dev.ksefplatform.commandapi.web.QueryParameters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** An audit listing's query, checked; {@link #forwarded} is what audit-projector is asked (CONTRACTS §4). */
final class AuditListParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_TEXT = 128;
    static final Set<String> STATUS_CLASSES = new LinkedHashSet<>(List.of("1xx", "2xx", "3xx", "4xx", "5xx"));
    static final List<String> TENANT_NAMES = List.of("from", "to", "operation", "contextNip", "integrationId",
            "statusClass", "eventType", "limit", "cursor");
    private static final Pattern NIP = Pattern.compile("\\d{10}");

    private AuditListParameters() {
    }

    /** The tenant's own listing: the tenant comes from its API key, so a {@code tenantId} is refused. */
    static Map<String, String> tenant(Map<String, List<String>> query) {
        return forwarded(QueryParameters.of(query, new LinkedHashSet<>(TENANT_NAMES)), Map.of());
    }

    /** The operators' listing: the same filters and an optional {@code tenantId}. */
    static Map<String, String> operators(Map<String, List<String>> query) {
        Set<String> names = new LinkedHashSet<>(TENANT_NAMES);
        names.add("tenantId");
        QueryParameters given = QueryParameters.of(query, names);
        Map<String, String> tenant = new LinkedHashMap<>();
        put(tenant, "tenantId", given.text("tenantId", MAX_TEXT));
        return forwarded(given, tenant);
    }

    private static Map<String, String> forwarded(QueryParameters given, Map<String, String> first) {
        Instant from = instant(given, "from");
        Instant to = instant(given, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryParameter("to", "must be after from");
        }
        Map<String, String> forwarded = new LinkedHashMap<>(first);
        put(forwarded, "from", from);
        put(forwarded, "to", to);
        put(forwarded, "operation", given.text("operation", MAX_TEXT));
        put(forwarded, "contextNip", given.matching("contextNip", NIP, "10 digits"));
        put(forwarded, "integrationId", given.text("integrationId", MAX_TEXT));
        put(forwarded, "statusClass", given.oneOf("statusClass", STATUS_CLASSES));
        put(forwarded, "eventType", given.text("eventType", MAX_TEXT));
        put(forwarded, "limit", given.limit(DEFAULT_LIMIT, MAX_LIMIT));
        put(forwarded, "cursor", given.cursor());
        return forwarded;
    }

    private static Instant instant(QueryParameters given, String name) {
        String text = given.text(name, 40);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameter(name, "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }

    private static void put(Map<String, String> forwarded, String name, Object value) {
        if (value != null) {
            forwarded.put(name, value.toString());
        }
    }
}
