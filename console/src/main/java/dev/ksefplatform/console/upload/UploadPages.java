package dev.ksefplatform.console.upload;

import dev.ksefplatform.console.commandapi.Caller;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Upload of FA(3) invoices: each file is one submission through command-api, as the person; the page answers with
 * each file's command or problem. Who may post is decided by the security configuration (managers, acting operators).
 */
@Controller
class UploadPages {

    private final InvoiceUploads uploads;
    private final UploadProperties limits;
    private final MessageSource messages;

    UploadPages(InvoiceUploads uploads, UploadProperties limits, MessageSource messages) {
        this.uploads = uploads;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/invoices/upload")
    String form(Caller caller, Model model) {
        model.addAttribute("limits", limits);
        return "upload";
    }

    /** Files one after another, so a batch never holds more than one of command-api's request slots. */
    @PostMapping("/invoices/upload")
    Mono<String> upload(Caller caller, ServerWebExchange exchange, Locale locale, Model model) {
        model.addAttribute("limits", limits);
        return exchange.getMultipartData().flatMap(parts -> {
            List<FilePart> files = files(parts.getOrDefault("files", List.of()));
            String refusal = refusal(files.size(), locale);
            if (refusal != null) {
                model.addAttribute("uploadError", refusal);
                return Mono.just("upload");
            }
            return Flux.fromIterable(files).concatMap(file -> uploads.submit(caller, file, locale)).collectList()
                    .doOnNext(outcomes -> model.addAttribute("outcomes", outcomes)).thenReturn("upload");
        });
    }

    private String refusal(int files, Locale locale) {
        if (files == 0) {
            return messages.getMessage("upload.none-chosen", null, locale);
        }
        return files > limits.maxFiles()
                ? messages.getMessage("upload.too-many", new Object[] {limits.maxFiles(), files}, locale) : null;
    }

    private static List<FilePart> files(List<Part> parts) {
        return parts.stream().filter(FilePart.class::isInstance).map(FilePart.class::cast)
                .filter(file -> !file.filename().isBlank()).toList();
    }
}
