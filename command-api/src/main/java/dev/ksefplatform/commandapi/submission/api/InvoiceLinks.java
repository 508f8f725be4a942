package dev.ksefplatform.commandapi.submission.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The single-invoice answer with links to its documents (they answer 404 with a problem type until they exist). */
final class InvoiceLinks {

    static final String INVOICE = "/api/v1/invoices/{commandId}";

    private InvoiceLinks() {
    }

    static Map<String, Object> with(Map<String, Object> body, String commandId) {
        String self = "/api/v1/invoices/" + commandId;
        Map<String, Object> linked = new LinkedHashMap<>(body);
        linked.put("links", Map.of("self", self, "xml", self + "/xml", "upo", self + "/upo"));
        return linked;
    }
}
