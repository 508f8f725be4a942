package dev.ksefplatform.ksef.limits;

/**
 * What a group of a context may still do now: calls left in the sliding second, minute and hour under the limit in
 * force (shrunk after a 429), and how long a 429's Retry-After still blocks it.
 */
public record Remaining(Limit limit, int second, int minute, int hour, long blockedMillis) {

    /** The tightest of the three windows. */
    public int now() {
        return Math.min(second, Math.min(minute, hour));
    }
}
