package dev.ksefplatform.audit.log.domain;

import java.util.regex.Pattern;

/** A class of HTTP statuses, "1xx" to "5xx": the statuses from {@code lowest} to {@code lowest + 99}. */
public record StatusClass(int lowest) {

    private static final Pattern FORM = Pattern.compile("[1-5]xx");

    /** @throws IllegalArgumentException for anything but "1xx" … "5xx" */
    public static StatusClass parse(String text) {
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("statusClass must be one of 1xx, 2xx, 3xx, 4xx, 5xx");
        }
        return new StatusClass((text.charAt(0) - '0') * 100);
    }

    public int highest() {
        return lowest + 99;
    }
}
