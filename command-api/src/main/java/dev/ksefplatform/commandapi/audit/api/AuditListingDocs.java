package dev.ksefplatform.commandapi.audit.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds an audit listing's query parameters to its operation in the OpenAPI document, from {@link AuditFilter}: the
 * controllers read the raw query (so an unknown parameter is refused by name), and springdoc would otherwise see none.
 */
public final class AuditListingDocs implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        AuditListingDoc listing = handler.getMethodAnnotation(AuditListingDoc.class);
        if (listing != null) {
            listing.value().filters().forEach(filter -> operation.addParametersItem(parameter(filter)));
        }
        return operation;
    }

    private static QueryParameter parameter(AuditFilter filter) {
        QueryParameter parameter = new QueryParameter();
        parameter.name(filter.parameter()).description(filter.description()).schema(filter.schema());
        return parameter;
    }
}
