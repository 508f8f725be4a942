package dev.ksefplatform.commandapi.inbox.api;

import dev.ksefplatform.commandapi.web.QueryParameters;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The inbox listing's query, checked; {@link #forwarded()} is what sync-service is asked (CONTRACTS §4). */
final class InboxListParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final Set<String> SUBJECT_TYPES = new LinkedHashSet<>(List.of("Subject1", "Subject2", "Subject3", "SubjectAuthorized"));
    private static final Set<String> NAMES = new LinkedHashSet<>(List.of("issuedFrom", "issuedTo", "sellerNip",
            "subjectType", "grossFrom", "grossTo", "q", "limit", "cursor"));
    private static final Pattern NIP = Pattern.compile("\\d{10}");

    private InboxListParameters() {
    }

    static Map<String, String> forwarded(Map<String, List<String>> query) {
        QueryParameters given = QueryParameters.of(query, NAMES);
        var issuedFrom = given.date("issuedFrom");
        var issuedTo = given.date("issuedTo");
        QueryParameters.ordered("issuedFrom", issuedFrom, "issuedTo", issuedTo);
        var grossFrom = given.decimal("grossFrom");
        var grossTo = given.decimal("grossTo");
        QueryParameters.ordered("grossFrom", grossFrom, "grossTo", grossTo);
        Map<String, String> forwarded = new LinkedHashMap<>();
        put(forwarded, "issuedFrom", issuedFrom);
        put(forwarded, "issuedTo", issuedTo);
        put(forwarded, "sellerNip", given.matching("sellerNip", NIP, "10 digits"));
        put(forwarded, "subjectType", given.oneOf("subjectType", SUBJECT_TYPES));
        put(forwarded, "grossFrom", grossFrom == null ? null : grossFrom.toPlainString());
        put(forwarded, "grossTo", grossTo == null ? null : grossTo.toPlainString());
        put(forwarded, "q", given.text("q", 100));
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
