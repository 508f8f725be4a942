package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.util.Map;
import java.util.Optional;

/** What a person should do about command-api's refusal: a message key per known problem, its detail otherwise. */
final class ErrorMessages {

    static final Map<String, String> KNOWN = Map.of(
            "upo-not-available-yet", "error.upo-not-available-yet",
            "invoice-xml-not-available", "error.invoice-xml-not-available",
            "command-not-found", "error.command-not-found",
            "integration-not-found", "error.integration-not-found",
            "read-model-unavailable", "error.read-model-unavailable");

    private ErrorMessages() {
    }

    /** The bundle's key for a known problem (the page shows command-api's own detail for any other). */
    static Optional<String> keyOf(CommandApiRefused e) {
        return Optional.ofNullable(e.problem()).map(KNOWN::get);
    }
}
