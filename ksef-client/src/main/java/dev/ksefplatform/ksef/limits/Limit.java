package dev.ksefplatform.ksef.limits;

/** Calls allowed in any sliding second, minute and hour at the same time; whichever is reached first blocks. */
public record Limit(int perSecond, int perMinute, int perHour) {

    public Limit {
        if (perSecond < 1 || perMinute < 1 || perHour < 1) {
            throw new IllegalArgumentException("limits must be >= 1: " + perSecond + "/" + perMinute + "/" + perHour);
        }
    }

    /** This limit scaled down by {@code factor} (0..1], never below one call per window. */
    public Limit scaled(double factor) {
        return new Limit(scale(perSecond, factor), scale(perMinute, factor), scale(perHour, factor));
    }

    private static int scale(int value, double factor) {
        return value == Integer.MAX_VALUE ? value : Math.max(1, (int) Math.floor(value * factor));
    }
}
