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

    /**
     * The template grown by one invoice row to about 5 KB, split around the seller NIP and the invoice number:
     * {@link #join} fills them in with two array copies, so a load generator spends next to nothing on it.
     */
    public static byte[][] fiveKilobyteParts() {
        String xml = xml("#nip#", "#invoice_number#");
        int row = xml.indexOf("<FaWiersz>");
        String firstRow = xml.substring(row, xml.indexOf("</FaWiersz>") + "</FaWiersz>".length()) + "\n        ";
        String grown = xml.substring(0, row) + firstRow + xml.substring(row);
        int nip = grown.indexOf("#nip#");
        int number = grown.indexOf("#invoice_number#");
        return new byte[][] {grown.substring(0, nip).getBytes(StandardCharsets.UTF_8),
                grown.substring(nip + 5, number).getBytes(StandardCharsets.UTF_8),
                grown.substring(number + "#invoice_number#".length()).getBytes(StandardCharsets.UTF_8)};
    }

    public static byte[] join(byte[][] parts, String nip, String invoiceNumber) {
        byte[] n = nip.getBytes(StandardCharsets.US_ASCII);
        byte[] number = invoiceNumber.getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[parts[0].length + n.length + parts[1].length + number.length + parts[2].length];
        int at = 0;
        for (byte[] piece : new byte[][] {parts[0], n, parts[1], number, parts[2]}) {
            System.arraycopy(piece, 0, xml, at, piece.length);
            at += piece.length;
        }
        return xml;
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
