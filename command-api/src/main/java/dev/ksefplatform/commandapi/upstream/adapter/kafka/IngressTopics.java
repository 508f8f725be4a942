package dev.ksefplatform.commandapi.upstream.adapter.kafka;

import java.util.regex.Pattern;

/**
 * One ingress topic per upstream system, {@code ksef.ingress.<system>.v1}, and its dead letters beside it: the topic
 * is the system's identity, because Kafka's ACLs can let a principal write one topic (headers can be forged).
 */
public final class IngressTopics {

    /** Lower-case letters, digits and hyphens: valid in a topic name and in an idempotency key. */
    public static final Pattern SYSTEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String PREFIX = "ksef.ingress.";
    private static final String SUFFIX = ".v1";

    private IngressTopics() {
    }

    public static String of(String systemId) {
        if (!SYSTEM_ID.matcher(systemId).matches()) {
            throw new IllegalArgumentException("an upstream system id is 1-40 of [a-z0-9-], not " + systemId);
        }
        return PREFIX + systemId + SUFFIX;
    }

    public static String deadLetters(String systemId) {
        return of(systemId) + "-dlt";
    }

    static String systemOf(String topic) {
        return topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
    }
}
