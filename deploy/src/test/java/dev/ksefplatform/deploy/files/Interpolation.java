package dev.ksefplatform.deploy.files;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's variable interpolation ({@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}), enough for our files. */
public final class Interpolation {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:-|:\\?)([^}]*))?}");

    private Interpolation() {
    }

    public static String resolve(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m, variables)));
        }
        return m.appendTail(out).toString();
    }

    /** The variables a value names. */
    public static java.util.List<String> names(String value) {
        return VARIABLE.matcher(value).results().map(r -> r.group(1)).toList();
    }

    private static String valueOf(Matcher m, Map<String, String> variables) {
        String value = variables.get(m.group(1));
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (":?".equals(m.group(2)) || m.group(2) == null) {
            throw new IllegalArgumentException("variable " + m.group(1) + " is not set: " + m.group(3));
        }
        return m.group(3);
    }
}
