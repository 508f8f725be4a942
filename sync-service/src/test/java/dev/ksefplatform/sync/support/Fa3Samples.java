package dev.ksefplatform.sync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The official FA(3) samples from ksef-client's test-jar, with their placeholders filled. */
public final class Fa3Samples {

    public static final String PDFGEN = "pdfgen-assets-invoice-fa3.xml";
    public static final String CSHARP = "csharp-invoice-template-fa-3.xml";
    public static final String JAVA = "java-invoice-template_v3.xml";

    private Fa3Samples() {
    }

    public static String text(String name, String sellerNip, String invoiceNumber) {
        try (InputStream in = Fa3Samples.class.getResourceAsStream("/ksef/samples/invoices/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("#nip#", sellerNip)
                    .replace("#invoice_number#", invoiceNumber).replace("#invoicing_date#", "2026-11-20");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name, String sellerNip, String invoiceNumber) {
        return text(name, sellerNip, invoiceNumber).getBytes(StandardCharsets.UTF_8);
    }

    /** The C# sample at several VAT rates, in EUR with PLN conversions of the VAT (P_14_xW), and as a correction. */
    public static byte[] multiRateCorrection(String sellerNip, String invoiceNumber) {
        return text(CSHARP, sellerNip, invoiceNumber)
                .replace("<KodWaluty>PLN</KodWaluty>", "<KodWaluty>EUR</KodWaluty>")
                .replace("<P_13_1>43.60</P_13_1>\n\t\t<P_14_1>10.03</P_14_1>",
                        "<P_13_1>0.10</P_13_1>\n\t\t<P_14_1>0.02</P_14_1>\n\t\t<P_14_1W>0.10</P_14_1W>\n"
                                + "\t\t<P_13_2>0.20</P_13_2>\n\t\t<P_14_2>0.01</P_14_2>\n\t\t<P_14_2W>0.07</P_14_2W>\n"
                                + "\t\t<P_13_6_1>1000000000000.01</P_13_6_1>")
                .replace("<P_15>53.63</P_15>", "<P_15>1000000000000.34</P_15>")
                .replace("<RodzajFaktury>VAT</RodzajFaktury>", "<RodzajFaktury>KOR</RodzajFaktury>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
