package dev.ksefplatform.ksef.xml;

import java.math.BigDecimal;

/**
 * What the platform routes, deduplicates and lists invoices by, read from an FA(3) document: the seller (who may
 * submit it), the duplicate triple KSeF checks (seller NIP, RodzajFaktury, P_2), the issue date, the buyer and the
 * amounts as exact decimals.
 *
 * @param seller        {@code Podmiot1/DaneIdentyfikacyjne}: identifier type {@code Nip}, NIP and {@code Nazwa}
 * @param buyer         {@code Podmiot2/DaneIdentyfikacyjne}, identifier typed as KSeF's metadata types it
 * @param invoiceType   {@code Fa/RodzajFaktury} as written: VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, KOR_ROZ
 * @param invoiceNumber {@code Fa/P_2}
 * @param issueDate     {@code Fa/P_1}, yyyy-MM-dd
 * @param amounts       {@code Fa/KodWaluty} and the totals
 */
public record InvoiceFacts(Party seller, Party buyer, String invoiceType, String invoiceNumber, String issueDate,
                           Amounts amounts) {

    /**
     * @param idType {@code Nip}, {@code VatUe} (value = KodUE + NrVatUE), {@code Other} (NrID) or {@code None} (BrakID),
     *               as KSeF's invoice metadata names them; null when the document names none
     */
    public record Party(String idType, String id, String name) {
    }

    /**
     * Totals as the invoice states them, in its currency.
     *
     * @param net   the sum of every {@code Fa/P_13_*} (P_13_1 … P_13_11, P_13_6_1 … P_13_6_3); zero when none
     * @param vat   the sum of every {@code Fa/P_14_*} except the PLN conversions {@code P_14_*W}; zero when none
     * @param gross {@code Fa/P_15}
     */
    public record Amounts(String currency, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    public String sellerNip() {
        return seller.id();
    }

    /**
     * Reads the facts of a document already known to be FA(3)-valid (an invoice downloaded from KSeF), in one
     * streaming pass without the schema, within {@link XmlLimits#DEFAULT}.
     *
     * @throws IllegalArgumentException when the document is not well-formed UTF-8 XML, breaks a limit, or has an
     *     amount that is not a decimal
     */
    public static InvoiceFacts read(byte[] xml) {
        return SinglePass.POOL.apply(pass -> pass.facts(xml, XmlLimits.DEFAULT));
    }
}
