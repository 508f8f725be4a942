package dev.ksefplatform.console.audit;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The tenant's audit log ({@code GET /api/v1/audit}): every event and KSeF call, who acted, newest first. */
@Controller
class AuditPages {

    /** The filters offered; anything else is dropped rather than passed on (null too: Set.of refuses to look it up). */
    static final Set<String> EVENT_TYPES = Set.of("KsefCallRecorded", "InvoiceAccepted", "InvoiceRejected",
            "CommandDeadLettered", "IntegrationStatusChanged", "InboxInvoiceReceived", "StaffActingStarted", "StaffActingEnded");
    static final Set<String> STATUS_CLASSES = Set.of("2xx", "4xx", "5xx");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=.:-]{1,500}");

    private final CommandApi commandApi;
    private final int pageSize;

    AuditPages(CommandApi commandApi, @Value("${console.page-size:25}") int pageSize) {
        this.commandApi = commandApi;
        this.pageSize = pageSize;
    }

    @GetMapping("/audit")
    Mono<String> audit(Caller caller, @RequestParam(required = false) String eventType,
                       @RequestParam(required = false) String statusClass,
                       @RequestParam(required = false) String cursor, Model model) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(pageSize));
        addIf(query, "eventType", eventType, eventType != null && EVENT_TYPES.contains(eventType));
        addIf(query, "statusClass", statusClass, statusClass != null && STATUS_CLASSES.contains(statusClass));
        addIf(query, "cursor", cursor, cursor != null && CURSOR.matcher(cursor).matches());
        model.addAttribute("eventTypes", EVENT_TYPES.stream().sorted().toList());
        model.addAttribute("statusClasses", STATUS_CLASSES.stream().sorted().toList());
        model.addAttribute("filter", query.toSingleValueMap());
        return commandApi.get(caller, "/api/v1/audit", query).doOnNext(page -> model.addAttribute("page", page))
                .thenReturn("audit");
    }

    private static void addIf(LinkedMultiValueMap<String, String> query, String name, String value, boolean valid) {
        if (valid) {
            query.add(name, value);
        }
    }
}
