package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** command-api's refusal as one line in the page's language, for a page that shows it next to its form. */
@Component
public final class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    /** The known problem's sentence (with command-api's detail where it carries specifics), or that detail alone. */
    public String text(CommandApiRefused refused, Locale locale) {
        String details = ErrorMessages.detailsOf(refused).orElse(null);
        return ErrorMessages.keyOf(refused)
                .map(key -> messages.getMessage(key, null, locale)
                        + (details == null ? "" : " " + messages.getMessage("error.details", new Object[] {details}, locale)))
                .orElseGet(() -> messages.getMessage("error.refused", new Object[] {details}, locale));
    }
}
