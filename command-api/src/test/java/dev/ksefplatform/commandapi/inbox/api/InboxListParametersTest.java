package dev.ksefplatform.commandapi.inbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxListParametersTest {

    @Test
    void forwardsOnlyWhatItParsedRewrittenInCanonicalForm() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("grossTo", List.of("0100.50"));
        query.put("issuedFrom", List.of("2026-11-01"));
        query.put("q", List.of("FV/11"));

        assertThat(InboxListParameters.forwarded(query)).containsExactly(Map.entry("issuedFrom", "2026-11-01"),
                Map.entry("grossTo", "100.50"), Map.entry("q", "FV/11"), Map.entry("limit", "100"));
    }

    @Test
    void namesTheParameterItRefuses() {
        assertRefused(Map.of("sellerNip", List.of("52658776350")), "sellerNip");
        assertRefused(Map.of("grossFrom", List.of("1e3")), "grossFrom");
        assertRefused(Map.of("issuedFrom", List.of("2026-12-02"), "issuedTo", List.of("2026-12-01")), "issuedTo");
        assertRefused(Map.of("q", List.of("FV\u0000")), "q");
        assertRefused(Map.of("limit", List.of("99999999999")), "limit");
        assertRefused(Map.of("cursor", List.of("a".repeat(513))), "cursor");
        assertRefused(Map.of("subjectType", List.of("subject2")), "subjectType");
        assertRefused(Map.of("tenantId", List.of("t")), "tenantId");
        assertRefused(Map.of("q", List.of("a", "b")), "q");
    }

    private static void assertRefused(Map<String, List<String>> query, String parameter) {
        assertThatThrownBy(() -> InboxListParameters.forwarded(query))
                .isInstanceOfSatisfying(InvalidQueryParameter.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
