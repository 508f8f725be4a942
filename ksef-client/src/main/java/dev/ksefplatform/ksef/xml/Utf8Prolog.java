package dev.ksefplatform.ksef.xml;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KSeF takes invoices in UTF-8 without a byte order mark. What the first bytes can tell is checked here; the
 * parse itself decodes as UTF-8 whatever they claim, so a byte that is not UTF-8 anywhere later is caught there.
 */
final class Utf8Prolog {

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final int PROLOG_BYTES = 256;

    private Utf8Prolog() {
    }

    /** Why the document cannot be UTF-8 without BOM, or null when its start is fine. */
    static String refusal(byte[] xml) {
        if (startsWith(xml, 0xEF, 0xBB, 0xBF)) {
            return "the invoice starts with a UTF-8 byte order mark; send UTF-8 without BOM";
        }
        if (startsWith(xml, 0xFE, 0xFF) || startsWith(xml, 0xFF, 0xFE) || (xml.length > 1 && (xml[0] == 0 || xml[1] == 0))) {
            return "the invoice is UTF-16 or UTF-32; only UTF-8 is accepted";
        }
        String head = new String(xml, 0, Math.min(xml.length, PROLOG_BYTES), StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARED_ENCODING.matcher(head);
        if (declaration.find() && !declaration.group(1).toLowerCase(Locale.ROOT).matches("utf-?8")) {
            return "the invoice declares encoding " + declaration.group(1) + "; only UTF-8 is accepted";
        }
        return null;
    }

    private static boolean startsWith(byte[] xml, int... prefix) {
        if (xml.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((xml[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
