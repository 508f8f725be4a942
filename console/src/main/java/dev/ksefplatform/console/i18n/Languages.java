package dev.ksefplatform.console.i18n;

import java.util.Locale;
import java.util.Optional;

/** The console's languages: Polish first (the default), English second; nothing else is accepted. */
public final class Languages {

    public static final Locale POLISH = Locale.forLanguageTag("pl-PL");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");

    private Languages() {
    }

    /** The language a {@code lang} value or cookie names, when it is one of ours ({@code pl} or {@code en}). */
    static Optional<Locale> named(String tag) {
        if ("pl".equals(tag)) {
            return Optional.of(POLISH);
        }
        return "en".equals(tag) ? Optional.of(ENGLISH) : Optional.empty();
    }
}
