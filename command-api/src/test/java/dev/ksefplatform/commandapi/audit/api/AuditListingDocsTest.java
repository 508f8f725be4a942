package dev.ksefplatform.commandapi.audit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class AuditListingDocsTest {

    private static final List<String> TENANTS_FILTERS = List.of("from", "to", "operation", "contextNip",
            "integrationId", "statusClass", "eventType", "cursor", "limit");

    @Test
    void theTenantsListingIsDocumentedWithItsFiltersAndTheOperatorsWithATenantFirst() throws Exception {
        assertThat(names(documented("tenantListing"))).isEqualTo(TENANTS_FILTERS);
        assertThat(names(documented("operatorsListing"))).first().isEqualTo("tenantId");
        assertThat(names(documented("operatorsListing"))).hasSize(10).endsWith(TENANTS_FILTERS.toArray(String[]::new));
    }

    @Test
    void theDocumentAnnouncesTheValuesValidationAllows() throws Exception {
        Map<String, Parameter> byName = new java.util.HashMap<>();
        documented("tenantListing").getParameters().forEach(p -> byName.put(p.getName(), p));

        assertThat(byName.get("statusClass").getSchema().getEnum()).containsExactly("1xx", "2xx", "3xx", "4xx", "5xx");
        assertThat(byName.get("limit").getSchema().getMaximum()).isEqualByComparingTo("500");
        assertThat(AuditListParameters.tenant(Map.of("statusClass", List.of("5xx"), "limit", List.of("500"))))
                .containsEntry("statusClass", "5xx").containsEntry("limit", "500");
        assertThatThrownBy(() -> AuditListParameters.tenant(Map.of("limit", List.of("501"))))
                .isInstanceOf(InvalidQueryParameter.class);
    }

    @Test
    void everyDocumentedFilterIsAcceptedAndAnUndocumentedOneIsRefusedNamingTheDocumentedOnes() {
        assertThatThrownBy(() -> AuditListParameters.tenant(Map.of("buyerNip", List.of("1"))))
                .isInstanceOf(InvalidQueryParameter.class)
                .hasMessageContaining("accepted: " + String.join(", ", TENANTS_FILTERS));
    }

    @Test
    void anOperationThatIsNoAuditListingIsLeftAlone() throws Exception {
        assertThat(documented("somethingElse").getParameters()).isNull();
    }

    private static Operation documented(String method) throws NoSuchMethodException {
        return new AuditListingDocs().customize(new Operation(),
                new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(method)));
    }

    private static List<String> names(Operation operation) {
        return operation.getParameters().stream().map(Parameter::getName).toList();
    }

    static final class Handlers {
        @AuditListingDoc(AuditListing.TENANT)
        void tenantListing() {
        }

        @AuditListingDoc(AuditListing.OPERATORS)
        void operatorsListing() {
        }

        void somethingElse() {
        }
    }
}
