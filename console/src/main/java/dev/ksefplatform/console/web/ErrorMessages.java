package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.util.Map;

/** What a person should do about command-api's refusal: a sentence per known problem, its detail otherwise. */
final class ErrorMessages {

    private static final Map<String, String> KNOWN = Map.of(
            "upo-not-available-yet", "KSeF has not issued the UPO yet, or the platform has not fetched it: try again in a minute.",
            "invoice-xml-not-available", "The invoice's XML is kept once KSeF has accepted it: try again when its status is ACCEPTED.",
            "command-not-found", "No such invoice in this tenant.",
            "integration-not-found", "No such integration in this tenant.",
            "read-model-unavailable", "The platform's read side is slow or down: try again in a minute.");

    private ErrorMessages() {
    }

    static String of(CommandApiRefused e) {
        return KNOWN.getOrDefault(e.problem(), e.getMessage());
    }
}
