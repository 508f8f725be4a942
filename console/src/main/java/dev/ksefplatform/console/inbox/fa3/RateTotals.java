package dev.ksefplatform.console.inbox.fa3;

import static dev.ksefplatform.console.inbox.fa3.Elements.decimal;

import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.RateTotal;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Totals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * {@code Fa/P_13_x} (net) and {@code P_14_x} (VAT) per rate, in the schema's order; only rates 1 to 5 carry VAT
 * (the PLN conversions {@code P_14_xW} are not shown). The sums add what the document states; {@code P_15} is read.
 */
final class RateTotals {

    static final List<String> RATES = List.of("1", "2", "3", "4", "5", "6_1", "6_2", "6_3", "7", "8", "9", "10", "11");

    private RateTotals() {
    }

    static Totals of(Element fa) {
        List<RateTotal> byRate = new ArrayList<>();
        for (String rate : RATES) {
            BigDecimal net = decimal(fa, "P_13_" + rate);
            BigDecimal vat = rate.length() == 1 && rate.charAt(0) <= '5' ? decimal(fa, "P_14_" + rate) : null;
            if (net != null || vat != null) {
                byRate.add(new RateTotal(rate, net, vat));
            }
        }
        return new Totals(byRate, sum(byRate, RateTotal::net), sum(byRate, RateTotal::vat), decimal(fa, "P_15"));
    }

    private static BigDecimal sum(List<RateTotal> totals, java.util.function.Function<RateTotal, BigDecimal> part) {
        return totals.stream().map(part).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
