package dev.ksefplatform.commandapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import dev.ksefplatform.ksef.id.Nip;

/** Invoices built from the official FA(3) sample in the ksef-client test-jar. */
public final class Invoices {

    private static final String TEMPLATE = load("/ksef/samples/invoices/java-invoice-template_v3.xml");

    private Invoices() {
    }

    public static String xml(String sellerNip, String invoiceNumber) {
        return xml(sellerNip, invoiceNumber, "2026-06-05");
    }

    public static String xml(String sellerNip, String invoiceNumber, String issueDate) {
        return TEMPLATE.replace("#nip#", sellerNip)
                .replace("#invoicing_date#", issueDate)
                .replace("#invoice_number#", invoiceNumber);
    }

    public static byte[] bytes(String sellerNip, String invoiceNumber) {
        return xml(sellerNip, invoiceNumber).getBytes(StandardCharsets.UTF_8);
    }

    /** P_2 as the template builds it. */
    public static String p2(String invoiceNumber) {
        return "FA/GRQMB-" + invoiceNumber + "/05/2025";
    }

    /** A valid NIP that also fits FA(3)'s TNrNIP pattern (no zeros in the first three digits). */
    public static String randomNip() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                digits.append(i < 3 ? random.nextInt(1, 10) : random.nextInt(10));
            }
            String nip = Nip.withCheckDigit(digits.toString());
            if (nip != null) {
                return nip;
            }
        }
    }

    private static String load(String resource) {
        try (InputStream in = Invoices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the test classpath (ksef-client test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
