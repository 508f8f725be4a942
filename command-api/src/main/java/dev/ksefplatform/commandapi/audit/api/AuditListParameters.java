package dev.ksefplatform.commandapi.audit.api;

import static dev.ksefplatform.commandapi.audit.api.AuditFilter.CONTEXT_NIP;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.CURSOR;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.EVENT_TYPE;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.FROM;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.INTEGRATION_ID;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.LIMIT;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.OPERATION;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.STATUS_CLASS;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.TENANT_ID;
import static dev.ksefplatform.commandapi.audit.api.AuditFilter.TO;

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

    static final int MAX_TEXT = 128;
    private static final Set<String> STATUS_CLASSES = new LinkedHashSet<>(AuditFilter.STATUS_CLASSES);
    private static final Pattern NIP = Pattern.compile("\\d{10}");

    private AuditListParameters() {
    }

    /** The tenant's own listing: the tenant comes from its API key, so a {@code tenantId} is refused. */
    static Map<String, String> tenant(Map<String, List<String>> query) {
        return forwarded(QueryParameters.of(query, accepted(AuditListing.TENANT)), Map.of());
    }

    /** The operators' listing: the same filters and an optional {@code tenantId}. */
    static Map<String, String> operators(Map<String, List<String>> query) {
        QueryParameters given = QueryParameters.of(query, accepted(AuditListing.OPERATORS));
        Map<String, String> tenant = new LinkedHashMap<>();
        put(tenant, TENANT_ID, given.text(TENANT_ID.parameter(), MAX_TEXT));
        return forwarded(given, tenant);
    }

    private static Set<String> accepted(AuditListing listing) {
        return new LinkedHashSet<>(listing.parameters());
    }

    private static Map<String, String> forwarded(QueryParameters given, Map<String, String> first) {
        Instant from = instant(given, FROM);
        Instant to = instant(given, TO);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryParameter(TO.parameter(), "must be after " + FROM.parameter());
        }
        Map<String, String> forwarded = new LinkedHashMap<>(first);
        put(forwarded, FROM, from);
        put(forwarded, TO, to);
        put(forwarded, OPERATION, given.text(OPERATION.parameter(), MAX_TEXT));
        put(forwarded, CONTEXT_NIP, given.matching(CONTEXT_NIP.parameter(), NIP, "10 digits"));
        put(forwarded, INTEGRATION_ID, given.text(INTEGRATION_ID.parameter(), MAX_TEXT));
        put(forwarded, STATUS_CLASS, given.oneOf(STATUS_CLASS.parameter(), STATUS_CLASSES));
        put(forwarded, EVENT_TYPE, given.text(EVENT_TYPE.parameter(), MAX_TEXT));
        put(forwarded, LIMIT, given.limit(AuditFilter.DEFAULT_LIMIT, AuditFilter.MAX_LIMIT));
        put(forwarded, CURSOR, given.cursor());
        return forwarded;
    }

    private static Instant instant(QueryParameters given, AuditFilter filter) {
        String text = given.text(filter.parameter(), 40);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameter(filter.parameter(), "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }

    private static void put(Map<String, String> forwarded, AuditFilter filter, Object value) {
        if (value != null) {
            forwarded.put(filter.parameter(), value.toString());
        }
    }
}
