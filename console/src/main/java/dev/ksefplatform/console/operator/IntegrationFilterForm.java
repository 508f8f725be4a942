package dev.ksefplatform.console.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operator's filters over integration accounts, as the form (or a link) gives them: a value outside the offered
 * lists is dropped, never passed on, so command-api only ever sees values it takes.
 */
public record IntegrationFilterForm(String tenantId, String kind, String status, String environment, int page) {

    static final List<String> KINDS = List.of("KSEF_TOKEN", "CERTIFICATE", "PROVIDER_CREDENTIAL");
    static final List<String> STATUSES = List.of("PENDING", "ACTIVE", "ERROR", "EXPIRED", "DISABLED", "REVOKED");
    static final int PAGE_SIZE = 25;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PAGE = Pattern.compile("\\d{1,4}");

    static IntegrationFilterForm of(Map<String, String> given, List<String> environments) {
        String tenantId = given.get("tenantId");
        String page = given.get("page");
        return new IntegrationFilterForm(tenantId != null && ID.matcher(tenantId).matches() ? tenantId : null,
                offered(given.get("kind"), KINDS), offered(given.get("status"), STATUSES),
                offered(given.get("environment"), environments),
                page != null && PAGE.matcher(page).matches() ? Integer.parseInt(page) : 0);
    }

    /** command-api's query: only the filters set, the page and its size. */
    MultiValueMap<String, String> query() {
        var query = new LinkedMultiValueMap<String, String>();
        values().forEach(query::add);
        query.add("page", String.valueOf(page));
        query.add("size", String.valueOf(PAGE_SIZE));
        return query;
    }

    /** This list's page {@code page}, with the same filters. */
    public String link(int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/operator/integrations");
        values().forEach(uri::queryParam);
        return uri.queryParam("page", page).encode().build().toUriString();
    }

    /** The filters set (no page), for links and the hidden fields of the quick actions' forms. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "tenantId", tenantId);
        put(values, "kind", kind);
        put(values, "status", status);
        put(values, "environment", environment);
        return values;
    }

    private static String offered(String value, List<String> offered) {
        return value != null && offered.contains(value) ? value : null;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
