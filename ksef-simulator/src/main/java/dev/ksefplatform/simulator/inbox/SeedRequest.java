package dev.ksefplatform.simulator.inbox;

import dev.ksefplatform.simulator.error.SimRequestInvalid;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /sim/v1/inbox/seed}: {@code count} accepted invoices to {@code buyerNip} from {@code sellerNips} (50
 * random sellers when absent), their permanent-storage dates spread evenly over {@code from..to}, or — with
 * {@code ratePerSecond} — one every {@code 1/rate} s from now on, so they keep arriving while a sync runs.
 */
record SeedRequest(String buyerNip, Integer count, List<String> sellerNips, Instant from, Instant to,
                   Double ratePerSecond) {

    static final int MAX_COUNT = 100_000;
    static final int MAX_SELLERS = 1_000;
    static final Pattern NIP = Pattern.compile("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}");

    SeedRequest validated() {
        require(buyerNip != null && NIP.matcher(buyerNip).matches(), "buyerNip must be a NIP");
        require(count != null && count >= 1 && count <= MAX_COUNT, "count must be within 1.." + MAX_COUNT);
        require(sellerNips == null || !sellerNips.isEmpty() && sellerNips.size() <= MAX_SELLERS
                && sellerNips.stream().allMatch(n -> n != null && NIP.matcher(n).matches()),
                "sellerNips must be 1.." + MAX_SELLERS + " NIPs");
        require(ratePerSecond == null || from == null && to == null, "give either from/to or ratePerSecond");
        require(ratePerSecond == null || ratePerSecond > 0 && ratePerSecond <= 10_000,
                "ratePerSecond must be within (0, 10000]");
        require(from == null || to == null || from.isBefore(to), "from must be before to");
        return this;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new SimRequestInvalid(detail);
        }
    }
}
