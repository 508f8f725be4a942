package dev.ksefplatform.console.invoice;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The tenant's submitted invoices: the list with a status filter and paging, one invoice, its XML and UPO. */
@Controller
class InvoicePages {

    static final List<String> STATUSES = List.of("SENT", "ACCEPTED", "REJECTED", "DUPLICATE", "FAILED");
    private static final Pattern COMMAND_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=.:-]{1,500}");
    private static final Set<String> DOCUMENTS = Set.of("xml", "upo");

    private final CommandApi commandApi;
    private final int pageSize;

    InvoicePages(CommandApi commandApi, @Value("${console.page-size:25}") int pageSize) {
        this.commandApi = commandApi;
        this.pageSize = pageSize;
    }

    @GetMapping("/invoices")
    Mono<String> list(Caller caller, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String cursor, Model model) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("limit", String.valueOf(pageSize));
        if (status != null && STATUSES.contains(status)) {
            query.add("status", status);
            model.addAttribute("status", status);
        }
        if (cursor != null && CURSOR.matcher(cursor).matches()) {
            query.add("cursor", cursor);
        }
        model.addAttribute("statuses", STATUSES);
        return commandApi.get(caller, "/api/v1/invoices", query)
                .doOnNext(page -> model.addAttribute("page", page))
                .thenReturn("invoices");
    }

    @GetMapping("/invoices/{commandId}")
    Mono<String> invoice(Caller caller, @PathVariable String commandId, Model model) {
        return commandApi.get(caller, "/api/v1/invoices/" + checked(commandId), new LinkedMultiValueMap<>())
                .doOnNext(invoice -> model.addAttribute("invoice", invoice))
                .thenReturn("invoice");
    }

    /** The document as command-api served it, offered as a download; nothing of it is kept here. */
    @GetMapping("/invoices/{commandId}/{document}")
    Mono<ResponseEntity<byte[]>> document(Caller caller, @PathVariable String commandId, @PathVariable String document) {
        if (!DOCUMENTS.contains(document)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String id = checked(commandId);
        return commandApi.document(caller, "/api/v1/invoices/" + id + "/" + document)
                .map(served -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(id + (document.equals("upo") ? "-upo.xml" : ".xml")).build().toString())
                        .body(served.getBody()));
    }

    private static String checked(String commandId) {
        if (!COMMAND_ID.matcher(commandId).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return commandId;
    }
}
