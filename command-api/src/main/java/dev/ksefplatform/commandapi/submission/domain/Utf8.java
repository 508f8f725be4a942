package dev.ksefplatform.commandapi.submission.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** KSeF takes invoices in UTF-8 without a BOM; a declaration naming another encoding would be decoded wrongly. */
final class Utf8 {

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private Utf8() {
    }

    static void requireUtf8WithoutBom(byte[] xml) {
        if (xml.length >= 3 && (xml[0] & 0xFF) == 0xEF && (xml[1] & 0xFF) == 0xBB && (xml[2] & 0xFF) == 0xBF) {
            throw new InvoiceNotUtf8("the invoice starts with a UTF-8 byte order mark; send UTF-8 without BOM");
        }
        String text = decode(xml);
        Matcher declaration = DECLARED_ENCODING.matcher(text);
        if (declaration.find() && !declaration.group(1).toLowerCase(Locale.ROOT).matches("utf-?8")) {
            throw new InvoiceNotUtf8("the invoice declares encoding " + declaration.group(1) + "; only UTF-8 is accepted");
        }
    }

    private static String decode(byte[] xml) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(xml))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvoiceNotUtf8("the invoice is not valid UTF-8");
        }
    }
}
