package dev.ksefplatform.ksef.xml;

import java.math.BigDecimal;

/**
 * Picks {@link InvoiceFacts} out of the element stream by position: Fa's children at depth 3, the Podmiot's
 * DaneIdentyfikacyjne children at depth 4. Never throws while reading, so a broken document still gets its
 * complete list of violations; an amount that is not a decimal is remembered instead.
 */
final class FactsCollector {

    private final StringBuilder text = new StringBuilder();
    private String[] path = new String[0];
    private Field capturing;
    private int capturingDepth;
    private String[] values;
    private BigDecimal net;
    private BigDecimal vat;
    private BigDecimal gross;
    private String unparsable;

    private enum Field {
        SELLER_NIP, SELLER_NAME, BUYER_NIP, BUYER_EU_PREFIX, BUYER_VAT_UE, BUYER_OTHER, BUYER_NONE, BUYER_NAME,
        TYPE, NUMBER, DATE, CURRENCY, GROSS, NET, VAT
    }

    void reset(int maxDepth) {
        if (path.length < maxDepth + 1) {
            path = new String[maxDepth + 1];
        }
        values = new String[Field.values().length];
        net = BigDecimal.ZERO;
        vat = BigDecimal.ZERO;
        gross = null;
        unparsable = null;
        capturing = null;
    }

    void start(int depth, String name) {
        path[depth - 1] = name;
        capturing = field(depth, name);
        capturingDepth = depth;
        text.setLength(0);
    }

    void text(char[] chars, int start, int length) {
        if (capturing != null) {
            text.append(chars, start, length);
        }
    }

    void end(int depth) {
        if (capturing == null || depth != capturingDepth) {
            return;
        }
        String value = text.toString().trim();
        switch (capturing) {
            case NET -> net = add(net, value);
            case VAT -> vat = add(vat, value);
            case GROSS -> gross = decimal(value);
            default -> values[capturing.ordinal()] = value;
        }
        capturing = null;
    }

    /** Null when an amount was not a decimal (the schema says why, or the caller refuses the document). */
    InvoiceFacts facts() {
        if (unparsable != null) {
            return null;
        }
        return new InvoiceFacts(new InvoiceFacts.Party(get(Field.SELLER_NIP) == null ? null : "Nip", get(Field.SELLER_NIP),
                get(Field.SELLER_NAME)), buyer(), get(Field.TYPE), get(Field.NUMBER), get(Field.DATE),
                new InvoiceFacts.Amounts(get(Field.CURRENCY), net, vat, gross));
    }

    String unparsable() {
        return unparsable;
    }

    private InvoiceFacts.Party buyer() {
        String name = get(Field.BUYER_NAME);
        if (get(Field.BUYER_NIP) != null) {
            return new InvoiceFacts.Party("Nip", get(Field.BUYER_NIP), name);
        }
        if (get(Field.BUYER_VAT_UE) != null) {
            String prefix = get(Field.BUYER_EU_PREFIX);
            return new InvoiceFacts.Party("VatUe", (prefix == null ? "" : prefix) + get(Field.BUYER_VAT_UE), name);
        }
        if (get(Field.BUYER_OTHER) != null) {
            return new InvoiceFacts.Party("Other", get(Field.BUYER_OTHER), name);
        }
        return new InvoiceFacts.Party(get(Field.BUYER_NONE) != null ? "None" : null, null, name);
    }

    private Field field(int depth, String name) {
        if (depth == 3 && "Fa".equals(path[1])) {
            return invoiceField(name);
        }
        if (depth == 4 && "DaneIdentyfikacyjne".equals(path[2])) {
            if ("Podmiot1".equals(path[1])) {
                return "NIP".equals(name) ? Field.SELLER_NIP : "Nazwa".equals(name) ? Field.SELLER_NAME : null;
            }
            return "Podmiot2".equals(path[1]) ? buyerField(name) : null;
        }
        return null;
    }

    private static Field invoiceField(String name) {
        return switch (name) {
            case "RodzajFaktury" -> Field.TYPE;
            case "P_2" -> Field.NUMBER;
            case "P_1" -> Field.DATE;
            case "KodWaluty" -> Field.CURRENCY;
            case "P_15" -> Field.GROSS;
            default -> name.startsWith("P_13_") ? Field.NET
                    : name.startsWith("P_14_") && !name.endsWith("W") ? Field.VAT : null;
        };
    }

    private static Field buyerField(String name) {
        return switch (name) {
            case "NIP" -> Field.BUYER_NIP;
            case "KodUE" -> Field.BUYER_EU_PREFIX;
            case "NrVatUE" -> Field.BUYER_VAT_UE;
            case "NrID" -> Field.BUYER_OTHER;
            case "BrakID" -> Field.BUYER_NONE;
            case "Nazwa" -> Field.BUYER_NAME;
            default -> null;
        };
    }

    private String get(Field field) {
        return values[field.ordinal()];
    }

    private BigDecimal add(BigDecimal sum, String value) {
        BigDecimal amount = decimal(value);
        return amount == null ? sum : sum.add(amount);
    }

    private BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            unparsable = "'" + value + "' is not a decimal amount";
            return null;
        }
    }
}
