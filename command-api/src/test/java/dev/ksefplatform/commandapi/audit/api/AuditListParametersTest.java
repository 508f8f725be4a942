package dev.ksefplatform.commandapi.audit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditListParametersTest {

    @Test
    void forwardsOnlyTheParsedValuesWithTheDefaultLimit() {
        Map<String, String> forwarded = AuditListParameters.tenant(query("from", "2026-11-23T08:00:00.000+00:00",
                "statusClass", "4xx", "contextNip", "5265877635"));

        assertThat(forwarded).containsExactly(Map.entry("from", "2026-11-23T08:00:00Z"), Map.entry("contextNip", "5265877635"),
                Map.entry("statusClass", "4xx"), Map.entry("limit", "100"));
    }

    @Test
    void aTenantCannotNameATenantOnlyOperatorsCan() {
        assertThatThrownBy(() -> AuditListParameters.tenant(query("tenantId", "other")))
                .isInstanceOf(InvalidQueryParameter.class).extracting("parameter").isEqualTo("tenantId");

        assertThat(AuditListParameters.operators(query("tenantId", "t-1"))).containsEntry("tenantId", "t-1");
    }

    @Test
    void everyBadValueIsRefusedNamingItsParameter() {
        Map<String, String> bad = Map.of("from", "yesterday", "statusClass", "6xx", "contextNip", "123",
                "limit", "501", "cursor", "not a cursor", "operation", "x".repeat(129), "tenantId", "");
        bad.forEach((name, value) -> assertThatThrownBy(() -> AuditListParameters.operators(query(name, value)))
                .isInstanceOf(InvalidQueryParameter.class).extracting("parameter").isEqualTo(name));
        assertThatThrownBy(() -> AuditListParameters.tenant(query("from", "2026-11-23T08:00:00Z",
                "to", "2026-11-23T08:00:00Z"))).isInstanceOf(InvalidQueryParameter.class)
                .extracting("parameter").isEqualTo("to");
    }

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return query;
    }
}
