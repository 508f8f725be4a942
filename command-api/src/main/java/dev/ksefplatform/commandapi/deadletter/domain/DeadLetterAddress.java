package dev.ksefplatform.commandapi.deadletter.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a dead letter is: {@code topic-partition@offset}, e.g. {@code ksef.commands.v1-dlt-3@17}. */
public record DeadLetterAddress(String topic, int partition, long offset) {

    private static final Pattern FORM = Pattern.compile("([a-zA-Z0-9._-]{1,249})-(\\d{1,5})@(\\d{1,18})");

    /** @throws InvalidDeadLetterAddress when {@code text} is not of that form */
    public static DeadLetterAddress parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidDeadLetterAddress("a dead letter is named topic-partition@offset, e.g. "
                    + "ksef.commands.v1-dlt-3@17");
        }
        return new DeadLetterAddress(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
