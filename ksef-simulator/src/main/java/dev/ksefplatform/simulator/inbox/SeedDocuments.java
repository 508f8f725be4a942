package dev.ksefplatform.simulator.inbox;

import dev.ksefplatform.simulator.invoice.InvoiceDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FA(3) documents for seeding, from one template split once at its placeholders. Amounts cycle through a small table
 * whose {@code BigDecimal}s are shared, so the metadata of a seeded invoice costs almost no heap of its own.
 */
final class SeedDocuments {

    /** One seeded document: its bytes and what its metadata shows (the same as {@code InvoiceDetails.read} finds). */
    record Document(byte[] xml, InvoiceDetails details) {
    }

    private record Amount(BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("#([a-z_]+)#");
    private static final List<Amount> AMOUNTS = amounts(97);
    private static final String TEMPLATE = load();

    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    SeedDocuments() {
        Matcher m = PLACEHOLDER.matcher(TEMPLATE);
        int at = 0;
        while (m.find()) {
            literals.add(TEMPLATE.substring(at, m.start()));
            names.add(m.group(1));
            at = m.end();
        }
        literals.add(TEMPLATE.substring(at));
    }

    static String sellerName(String sellerNip) {
        return "Sprzedawca " + sellerNip;
    }

    static String buyerName(String buyerNip) {
        return "Nabywca " + buyerNip;
    }

    Document render(int index, String sellerNip, String sellerName, String buyerNip, String buyerName,
                    String issueDate, String invoiceNumber, String created) {
        Amount amount = AMOUNTS.get(index % AMOUNTS.size());
        StringBuilder xml = new StringBuilder(2_400);
        for (int i = 0; i < names.size(); i++) {
            xml.append(literals.get(i)).append(switch (names.get(i)) {
                case "created" -> created;
                case "seller_nip" -> sellerNip;
                case "seller_name" -> sellerName;
                case "buyer_nip" -> buyerNip;
                case "buyer_name" -> buyerName;
                case "issue_date" -> issueDate;
                case "invoice_number" -> invoiceNumber;
                case "net" -> amount.net().toPlainString();
                case "vat" -> amount.vat().toPlainString();
                case "gross" -> amount.gross().toPlainString();
                default -> throw new IllegalStateException("unknown placeholder " + names.get(i));
            });
        }
        xml.append(literals.get(names.size()));
        return new Document(xml.toString().getBytes(StandardCharsets.UTF_8), new InvoiceDetails(sellerName, "Nip",
                buyerNip, buyerName, amount.net(), amount.vat(), amount.gross(), "PLN", "Vat"));
    }

    private static List<Amount> amounts(int count) {
        List<Amount> amounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal net = BigDecimal.valueOf(10_000 + 1_731L * i, 2);
            BigDecimal vat = net.multiply(BigDecimal.valueOf(23, 2)).setScale(2, RoundingMode.HALF_UP);
            amounts.add(new Amount(net, vat, net.add(vat)));
        }
        return List.copyOf(amounts);
    }

    private static String load() {
        try (InputStream in = SeedDocuments.class.getResourceAsStream("seed-invoice.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
