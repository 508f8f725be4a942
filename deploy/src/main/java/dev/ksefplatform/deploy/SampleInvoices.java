package dev.ksefplatform.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * FA(3) invoices made from the official template of the Ministry of Finance's Java client
 * (CIRFMF/ksef-client-java @ fff86ab, demo-web-app/src/integrationTest/resources/xml/invoices/sample/
 * invoice-template_v3.xml, MIT), with its placeholders filled in.
 */
public final class SampleInvoices {

    private static final String TEMPLATE = load();

    private SampleInvoices() {
    }

    /** A schema-valid invoice of {@code sellerNip} numbered {@code number} (P_2), issued on {@code issueDate}. */
    public static byte[] fa3(String sellerNip, String number, LocalDate issueDate) {
        return TEMPLATE.replace("#nip#", sellerNip)
                .replace("#invoicing_date#", issueDate.toString())
                .replace("#invoice_number#", number)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String load() {
        try (InputStream in = SampleInvoices.class.getResourceAsStream("invoice-template.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
