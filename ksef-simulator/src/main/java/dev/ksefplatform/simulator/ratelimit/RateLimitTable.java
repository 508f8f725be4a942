package dev.ksefplatform.simulator.ratelimit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The official limit groups (spec {@code x-rate-limits}, TE = PRD since API 2.5.0), matched by method and path. */
public final class RateLimitTable {

    /** Where a request counts: its group, its counter and whether the counter is per IP only. */
    public record Route(String group, String counter, Limits limits, boolean perIpOnly) {
    }

    private record Entry(String method, Pattern path, String group, Limits limits, boolean perIpOnly) {
    }

    private static final String REF = "[^/]+";
    private static final Limits PUBLIC = new Limits(60, 0, 0);
    private static final Limits OTHER = new Limits(10, 30, 120);
    private static final List<Entry> ENTRIES = List.of(
            entry("POST", "/v2/sessions/online", "onlineSession", new Limits(10, 30, 120)),
            entry("POST", "/v2/sessions/online/" + REF + "/close", "onlineSession", new Limits(10, 30, 120)),
            entry("POST", "/v2/sessions/online/" + REF + "/invoices", "invoiceSend", new Limits(10, 30, 180)),
            entry("POST", "/v2/sessions/batch(/" + REF + "/close)?", "batchSession", new Limits(10, 20, 60)),
            entry("GET", "/v2/sessions", "sessionList", new Limits(5, 10, 60)),
            entry("GET", "/v2/sessions/" + REF + "/invoices(/failed)?", "sessionInvoiceList", new Limits(10, 20, 200)),
            entry("GET", "/v2/sessions/" + REF + "/(invoices/ksef/" + REF + "/upo|invoices/" + REF + "/upo|upo/" + REF + ")",
                    "sessionMisc", new Limits(10, 120, 1200)),
            entry("GET", "/v2/sessions/" + REF, "sessionMisc", new Limits(10, 120, 1200)),
            entry("GET", "/v2/sessions/" + REF + "/invoices/" + REF, "invoiceStatus", new Limits(30, 120, 1200)),
            entry("POST", "/v2/invoices/query/metadata", "invoiceMetadata", new Limits(8, 16, 20)),
            entry("POST", "/v2/invoices/exports", "invoiceExport", new Limits(8, 16, 20)),
            entry("GET", "/v2/invoices/exports/" + REF, "invoiceExportStatus", new Limits(10, 60, 600)),
            entry("GET", "/v2/invoices/ksef/" + REF, "invoiceDownload", new Limits(8, 16, 64)),
            publicEntry("POST", "/v2/auth/(challenge|ksef-token|xades-signature|token/redeem|token/refresh)"),
            publicEntry("GET", "/v2/auth/(?!sessions)" + REF),
            publicEntry("GET", "/v2/(security/public-key-certificates|peppol/query)"),
            publicEntry("POST", "/v2/testdata/(subject|person|permissions|attachment|context)(/[a-z]+)?"));

    /** The effective value of each named group, in the spec's order (what {@code GET /rate-limits} shows). */
    static java.util.Map<String, Limits> groups() {
        java.util.Map<String, Limits> groups = new java.util.LinkedHashMap<>();
        ENTRIES.stream().filter(e -> !e.perIpOnly()).forEach(e -> groups.putIfAbsent(e.group(), e.limits()));
        groups.put("other", OTHER);
        return groups;
    }

    public Optional<Route> route(String method, String path) {
        if (!path.startsWith("/v2/")) {
            return Optional.empty();
        }
        return Optional.of(ENTRIES.stream()
                .filter(e -> e.method().equals(method) && e.path().matcher(path).matches())
                .findFirst()
                .map(e -> new Route(e.group(), e.group(), e.limits(), e.perIpOnly()))
                .orElseGet(() -> new Route("other", method + " " + template(path), OTHER, false)));
    }

    /** Each "other" endpoint has its own counter; reference-number segments are folded together. */
    public static String template(String path) {
        return path.replaceAll("/\\d{8}-[A-Z]{2}-[0-9A-F-]+", "/{ref}");
    }

    private static Entry entry(String method, String path, String group, Limits limits) {
        return new Entry(method, Pattern.compile(path), group, limits, false);
    }

    private static Entry publicEntry(String method, String path) {
        return new Entry(method, Pattern.compile(path), "public", PUBLIC, true);
    }
}
