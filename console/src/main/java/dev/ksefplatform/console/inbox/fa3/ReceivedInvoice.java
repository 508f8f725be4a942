package dev.ksefplatform.console.inbox.fa3;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a person reads on an FA(3) invoice, as the document states it (nothing recomputed). Dates stay as written
 * ({@code yyyy-MM-dd}); optional parts are null or empty.
 *
 * @param invoiceType  {@code Fa/RodzajFaktury}: VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, KOR_ROZ
 * @param number       {@code Fa/P_2}
 * @param issueDate    {@code Fa/P_1}
 * @param issuePlace   {@code Fa/P_1M}
 * @param saleDate     {@code Fa/P_6}, or null
 * @param salePeriod   {@code Fa/OkresFa} ({@code P_6_Od}, {@code P_6_Do}), or null
 * @param currency     {@code Fa/KodWaluty}
 * @param lines        {@code Fa/FaWiersz}, in document order
 * @param totals       {@code Fa/P_13_x}, {@code P_14_x} and {@code P_15}
 * @param correction   a correction invoice's reason and the invoices it corrects, or null
 */
public record ReceivedInvoice(String invoiceType, String number, String issueDate, String issuePlace, String saleDate,
                              Period salePeriod, Party seller, Party buyer, String currency, List<Line> lines,
                              Totals totals, Correction correction) {

    public ReceivedInvoice {
        lines = List.copyOf(lines);
    }

    /**
     * @param idType {@code NIP}, {@code VAT_UE} (id = KodUE + NrVatUE), {@code OTHER} (NrID, with its KodKraju) or
     *               {@code NONE} (BrakID); null when the document names none
     */
    public record Party(String idType, String id, String name, Address address) {
    }

    /** {@code Adres}: KodKraju, AdresL1, AdresL2 (optional). */
    public record Address(String country, String line1, String line2) {
    }

    public record Period(String from, String to) {
    }

    /**
     * One {@code FaWiersz}.
     *
     * @param before {@code StanPrzed}: the line states what a correction changes from
     */
    public record Line(String number, String name, BigDecimal quantity, String unit, BigDecimal netPrice,
                       BigDecimal grossPrice, BigDecimal netValue, BigDecimal grossValue, String vatRate, boolean before) {
    }

    /**
     * One {@code P_13_x}/{@code P_14_x} pair as stated.
     *
     * @param rate the suffix of the field: {@code 1} (basic rate, 23 % or 22 %) … {@code 6_1} … {@code 11}
     * @param vat  null for the rates without tax (0 %, exempt, outside Poland, reverse charge, margin)
     */
    public record RateTotal(String rate, BigDecimal net, BigDecimal vat) {
    }

    /** The totals: by rate, their sums, and {@code P_15} (the amount due). */
    public record Totals(List<RateTotal> byRate, BigDecimal net, BigDecimal vat, BigDecimal gross) {
        public Totals {
            byRate = List.copyOf(byRate);
        }
    }

    /** {@code PrzyczynaKorekty}, {@code TypKorekty} and each {@code DaneFaKorygowanej}. */
    public record Correction(String reason, String type, List<Corrected> corrects) {
        public Correction {
            corrects = List.copyOf(corrects);
        }
    }

    /** {@code DataWystFaKorygowanej}, {@code NrFaKorygowanej}, {@code NrKSeFFaKorygowanej} (null outside KSeF). */
    public record Corrected(String issueDate, String number, String ksefNumber) {
    }
}
