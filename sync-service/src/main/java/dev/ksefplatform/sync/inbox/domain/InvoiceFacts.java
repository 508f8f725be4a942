package dev.ksefplatform.sync.inbox.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the inbox shows of an FA(3) invoice. Amounts are exact decimals as written: net = Σ P_13_x,
 * VAT = Σ P_14_x (the PLN conversions P_14_xW excluded), gross = P_15; null when the invoice does not state them.
 */
public record InvoiceFacts(String sellerNip, String sellerName, String buyerNip, String buyerName,
                           String invoiceNumber, LocalDate issueDate, String invoiceType, String currency,
                           BigDecimal net, BigDecimal vat, BigDecimal gross) {
}
