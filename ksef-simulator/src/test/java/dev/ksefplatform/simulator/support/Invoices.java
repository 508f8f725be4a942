package dev.ksefplatform.simulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

/** FA(3) documents from the official C# template (ksef-client test-jar). */
public final class Invoices {

    private static final String TEMPLATE = read("/ksef/samples/invoices/csharp-invoice-template-fa-3.xml");

    private Invoices() {
    }

    public static byte[] fa3(String sellerNip, String number) {
        return fa3(sellerNip, number, LocalDate.now(ZoneId.of("Europe/Warsaw")));
    }

    public static byte[] fa3(String sellerNip, String number, LocalDate issueDate) {
        return TEMPLATE.replace("#nip#", sellerNip).replace("#invoice_number#", number)
                .replace("<P_1>2025-09-01</P_1>", "<P_1>" + issueDate + "</P_1>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A random NIP that matches the spec's pattern (TE does not check the checksum). */
    public static String randomNip() {
        return "5" + String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    }

    private static String read(String resource) {
        try (InputStream in = Invoices.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
