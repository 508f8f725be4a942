package dev.ksefplatform.console.inbox;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Invoices received in KSeF (the inbox), one invoice's XML and "sync now"; notifications. */
@Controller
class InboxPages {

    private static final Pattern KSEF_NUMBER = Pattern.compile("[0-9A-Za-z-]{20,40}");
    private static final java.util.Set<String> SYNC_OUTCOMES = java.util.Set.of("started", "inbox-sync-running",
            "inbox-sync-unavailable");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=.:-]{1,500}");

    private final CommandApi commandApi;
    private final int pageSize;

    InboxPages(CommandApi commandApi, @Value("${console.page-size:25}") int pageSize) {
        this.commandApi = commandApi;
        this.pageSize = pageSize;
    }

    @GetMapping("/inbox")
    Mono<String> inbox(Caller caller, @RequestParam(required = false) String cursor,
                       @RequestParam(required = false) String sync, Model model) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(pageSize));
        if (cursor != null && CURSOR.matcher(cursor).matches()) {
            query.add("cursor", cursor);
        }
        if (sync != null && SYNC_OUTCOMES.contains(sync)) {
            model.addAttribute("syncOutcome", sync);
        }
        return commandApi.get(caller, "/api/v1/inbox", query).doOnNext(page -> model.addAttribute("page", page))
                .thenReturn("inbox");
    }

    /** Sync now; a refusal (running already, integration not usable) is shown with what to do. */
    @PostMapping("/inbox/sync")
    Mono<String> syncNow(Caller caller, Model model) {
        return commandApi.post(caller, "/api/v1/inbox/sync", null)
                .thenReturn("redirect:/inbox?sync=started")
                .onErrorResume(CommandApiRefused.class, refused -> refused.status() == 409
                        ? Mono.just("redirect:/inbox?sync=" + refused.problem()) : Mono.error(refused));
    }

    @GetMapping("/inbox/{ksefNumber}/xml")
    Mono<ResponseEntity<byte[]>> xml(Caller caller, @PathVariable String ksefNumber) {
        if (!KSEF_NUMBER.matcher(ksefNumber).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return commandApi.document(caller, "/api/v1/inbox/" + ksefNumber + "/xml")
                .map(served -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment().filename(ksefNumber + ".xml").build().toString())
                        .body(served.getBody()));
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
}
