package dev.ksefplatform.console.inbox;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoices;
import dev.ksefplatform.console.inbox.fa3.UnreadableInvoice;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** One received invoice: its FA(3) XML from command-api rendered for reading beside the raw XML, and the download. */
@Controller
class ReceivedInvoicePages {

    private static final Pattern KSEF_NUMBER = Pattern.compile("[0-9A-Za-z-]{20,40}");

    private final CommandApi commandApi;

    ReceivedInvoicePages(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    /** An XML that cannot be read as FA(3) still shows, raw, with a plain message. */
    @GetMapping("/inbox/{ksefNumber}")
    Mono<String> invoice(Caller caller, @PathVariable String ksefNumber, Model model) {
        return xml(caller, ksefNumber).map(served -> {
            byte[] xml = served.getBody() == null ? new byte[0] : served.getBody();
            model.addAttribute("ksefNumber", ksefNumber);
            model.addAttribute("rawXml", new String(xml, StandardCharsets.UTF_8));
            try {
                model.addAttribute("invoice", ReceivedInvoices.read(xml));
            } catch (UnreadableInvoice e) {
                model.addAttribute("unreadable", true);
            }
            return "inbox-invoice";
        });
    }

    @GetMapping("/inbox/{ksefNumber}/xml")
    Mono<ResponseEntity<byte[]>> download(Caller caller, @PathVariable String ksefNumber) {
        return xml(caller, ksefNumber).map(served -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(ksefNumber + ".xml").build().toString())
                .body(served.getBody()));
    }

    private Mono<ResponseEntity<byte[]>> xml(Caller caller, String ksefNumber) {
        if (!KSEF_NUMBER.matcher(ksefNumber).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return commandApi.document(caller, "/api/v1/inbox/" + ksefNumber + "/xml");
    }
}
