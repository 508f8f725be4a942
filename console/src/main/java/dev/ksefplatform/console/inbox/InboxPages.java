package dev.ksefplatform.console.inbox;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Invoices received in KSeF (the inbox) with its filters, and "sync now"; notifications. */
@Controller
class InboxPages {

    private static final Set<String> SYNC_OUTCOMES = Set.of("started", "inbox-sync-running", "inbox-sync-unavailable");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=.:-]{1,500}");

    private final CommandApi commandApi;
    private final int pageSize;

    InboxPages(CommandApi commandApi, @Value("${console.page-size:25}") int pageSize) {
        this.commandApi = commandApi;
        this.pageSize = pageSize;
    }

    /** The filters are checked first: a refused one is shown at its field and nothing is asked of command-api. */
    @GetMapping("/inbox")
    Mono<String> inbox(Caller caller, @RequestParam MultiValueMap<String, String> request, Model model) {
        InboxFilter filter = InboxFilter.of(request);
        model.addAttribute("filter", filter);
        model.addAttribute("subjectTypes", InboxFilter.SUBJECT_TYPES.stream().sorted().toList());
        String sync = request.getFirst("sync");
        if (sync != null && SYNC_OUTCOMES.contains(sync)) {
            model.addAttribute("syncOutcome", sync);
        }
        if (!filter.valid()) {
            return Mono.just("inbox");
        }
        return commandApi.get(caller, "/api/v1/inbox", query(filter, request.getFirst("cursor")))
                .doOnNext(page -> showPage(page, filter, model))
                .thenReturn("inbox")
                .onErrorResume(CommandApiRefused.class, refused -> refusedFilter(refused, filter, model));
    }

    /** Sync now; a refusal (running already, integration not usable) is shown with what to do. */
    @PostMapping("/inbox/sync")
    Mono<String> syncNow(Caller caller, Model model) {
        return commandApi.post(caller, "/api/v1/inbox/sync", null)
                .thenReturn("redirect:/inbox?sync=started")
                .onErrorResume(CommandApiRefused.class, refused -> refused.status() == 409
                        ? Mono.just("redirect:/inbox?sync=" + refused.problem()) : Mono.error(refused));
    }

    @GetMapping("/notifications")
    Mono<String> notifications(Caller caller, @RequestParam(required = false) String cursor, Model model) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(pageSize));
        if (cursor != null && CURSOR.matcher(cursor).matches()) {
            query.add("cursor", cursor);
        }
        return commandApi.get(caller, "/api/v1/notifications", query)
                .doOnNext(page -> model.addAttribute("page", page))
                .thenReturn("notifications");
    }

    private MultiValueMap<String, String> query(InboxFilter filter, String cursor) {
        MultiValueMap<String, String> query = filter.query();
        query.add("limit", String.valueOf(pageSize));
        if (cursor != null && CURSOR.matcher(cursor).matches()) {
            query.add("cursor", cursor);
        }
        return query;
    }

    private static void showPage(Map<String, Object> page, InboxFilter filter, Model model) {
        model.addAttribute("page", page);
        Object next = page.get("nextCursor");
        if (next != null) {
            model.addAttribute("nextLink", link(filter).queryParam("cursor", next).encode().build().toUriString());
        }
    }

    /**
     * command-api's 400 (a filter or cursor it does not take) or its 404 for a cursor of nothing this tenant has:
     * shown beside the form, with its detail and what to do; anything else is the error page's.
     */
    private static Mono<String> refusedFilter(CommandApiRefused refused, InboxFilter filter, Model model) {
        boolean aboutTheQuery = refused.status() == 400 || "cursor-not-found".equals(refused.problem());
        if (!aboutTheQuery) {
            return Mono.error(refused);
        }
        model.addAttribute("refusal", refused.getMessage());
        model.addAttribute("refusedParameter", String.valueOf(refused.body().getOrDefault("parameter", "")));
        model.addAttribute("firstPage", link(filter).encode().build().toUriString());
        return Mono.just("inbox");
    }

    private static UriComponentsBuilder link(InboxFilter filter) {
        return UriComponentsBuilder.fromPath("/inbox").queryParams(filter.query());
    }
}
