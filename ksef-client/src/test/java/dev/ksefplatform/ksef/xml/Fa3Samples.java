package dev.ksefplatform.ksef.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** FA(3) documents built from the official samples: the filled-in template, and the template grown to a size. */
public final class Fa3Samples {

    private Fa3Samples() {
    }

    public static byte[] sample(String name) {
        try (InputStream in = Fa3Samples.class.getResourceAsStream("/ksef/samples/invoices/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String template(String nip, String number) {
        return new String(sample("java-invoice-template_v3.xml"), StandardCharsets.UTF_8)
                .replace("#nip#", nip).replace("#invoicing_date#", "2026-01-05").replace("#invoice_number#", number);
    }

    /** The template with as many copies of its first invoice row added as keep the document within {@code bytes}. */
    public static byte[] ofSize(String nip, String number, int bytes) {
        String xml = template(nip, number);
        int start = xml.indexOf("<FaWiersz>");
        String row = xml.substring(start, xml.indexOf("</FaWiersz>") + "</FaWiersz>".length()) + "\n        ";
        int rowBytes = row.getBytes(StandardCharsets.UTF_8).length;
        int missing = Math.max(0, bytes - xml.getBytes(StandardCharsets.UTF_8).length);
        int copies = missing / rowBytes;
        return (xml.substring(0, start) + row.repeat(copies) + xml.substring(start)).getBytes(StandardCharsets.UTF_8);
    }
}
