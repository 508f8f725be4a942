package dev.ksefplatform.sync.inbox.adapter.xml;

import dev.ksefplatform.sync.inbox.application.UnreadableInvoice;
import dev.ksefplatform.sync.inbox.domain.InvoiceFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Deque;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * The FA(3) elements the inbox keeps, by path from the root (namespace-free local names), and their values as
 * read. Amounts must look like FA(3)'s decimal types (at most 22 integer and 8 fraction digits): an exponent
 * such as {@code 1E999999999} would turn a sum into a denial of service.
 */
final class Fa3Facts {

    static final int MAX_TEXT = 512;
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,22}(\\.\\d{1,8})?");
    private static final Pattern NET = Pattern.compile("Faktura/Fa/P_13_\\d+(_\\d+)?");
    private static final Pattern VAT = Pattern.compile("Faktura/Fa/P_14_\\d+");

    private String sellerNip;
    private String sellerName;
    private String buyerNip;
    private String buyerName;
    private String invoiceNumber;
    private LocalDate issueDate;
    private String invoiceType;
    private String currency;
    private BigDecimal net;
    private BigDecimal vat;
    private BigDecimal gross;

    /**
     * The path of the element just entered when its value is one the inbox keeps, else null. Only elements at
     * depth 3 under {@code Fa} and at depth 4 under a {@code Podmiot1/2}'s {@code DaneIdentyfikacyjne} can be, so
     * the invoice lines (most of a document) cost a size check each.
     */
    static String pathIfWanted(Deque<String> path) {
        int depth = path.size();
        if (depth != 3 && depth != 4) {
            return null;
        }
        Iterator<String> names = path.iterator();
        names.next();
        String section = names.next();
        boolean candidate = depth == 3 ? "Fa".equals(section)
                : ("Podmiot1".equals(section) || "Podmiot2".equals(section)) && "DaneIdentyfikacyjne".equals(names.next());
        if (!candidate) {
            return null;
        }
        String joined = String.join("/", path);
        return wants(joined) ? joined : null;
    }

    static boolean wants(String path) {
        return switch (path) {
            case "Faktura/Podmiot1/DaneIdentyfikacyjne/NIP", "Faktura/Podmiot1/DaneIdentyfikacyjne/Nazwa",
                 "Faktura/Podmiot2/DaneIdentyfikacyjne/NIP", "Faktura/Podmiot2/DaneIdentyfikacyjne/Nazwa",
                 "Faktura/Fa/P_2", "Faktura/Fa/P_1", "Faktura/Fa/RodzajFaktury", "Faktura/Fa/KodWaluty",
                 "Faktura/Fa/P_15" -> true;
            default -> NET.matcher(path).matches() || VAT.matcher(path).matches();
        };
    }

    void take(String path, String rawText) {
        String text = bounded(path, rawText.trim());
        switch (path) {
            case "Faktura/Podmiot1/DaneIdentyfikacyjne/NIP" -> sellerNip = text;
            case "Faktura/Podmiot1/DaneIdentyfikacyjne/Nazwa" -> sellerName = text;
            case "Faktura/Podmiot2/DaneIdentyfikacyjne/NIP" -> buyerNip = text;
            case "Faktura/Podmiot2/DaneIdentyfikacyjne/Nazwa" -> buyerName = text;
            case "Faktura/Fa/P_2" -> invoiceNumber = text;
            case "Faktura/Fa/P_1" -> issueDate = date(text);
            case "Faktura/Fa/RodzajFaktury" -> invoiceType = text;
            case "Faktura/Fa/KodWaluty" -> currency = text;
            case "Faktura/Fa/P_15" -> gross = amount(path, text);
            default -> addToSums(path, text);
        }
    }

    InvoiceFacts facts() {
        return new InvoiceFacts(sellerNip, sellerName, buyerNip, buyerName, invoiceNumber, issueDate, invoiceType,
                currency, net, vat, gross);
    }

    private void addToSums(String path, String text) {
        BigDecimal value = amount(path, text);
        if (NET.matcher(path).matches()) {
            net = net == null ? value : net.add(value);
        } else {
            vat = vat == null ? value : vat.add(value);
        }
    }

    private static BigDecimal amount(String path, String text) {
        if (!AMOUNT.matcher(text).matches()) {
            throw new UnreadableInvoice(leaf(path) + " is not a decimal amount", null);
        }
        return new BigDecimal(text);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableInvoice("P_1 is not a yyyy-MM-dd date", e);
        }
    }

    private static String bounded(String path, String text) {
        if (text.length() > MAX_TEXT) {
            throw new UnreadableInvoice(leaf(path) + " is longer than " + MAX_TEXT + " characters", null);
        }
        return text;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
