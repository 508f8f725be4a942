package dev.ksefplatform.worker.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;

/** FA(3) invoices from the official sample template in the ksef-client test-jar. */
final class Invoices {

    private static final String TEMPLATE = read("/ksef/samples/invoices/java-invoice-template_v3.xml");

    private Invoices() {
    }

    static byte[] fa3(String sellerNip, String invoiceNumber) {
        return TEMPLATE.replace("#nip#", sellerNip)
                .replace("#invoicing_date#", LocalDate.now().minusDays(1).toString())
                .replace("#invoice_number#", invoiceNumber)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** P_2 as the template renders it. */
    static String p2(String invoiceNumber) {
        return "FA/GRQMB-" + invoiceNumber + "/05/2025";
    }

    static String sha256(byte[] xml) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(xml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Invoices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the test classpath (ksef-client test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
