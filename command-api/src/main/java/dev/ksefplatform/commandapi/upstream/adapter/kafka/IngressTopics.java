package dev.ksefplatform.commandapi.upstream.adapter.kafka;

import dev.ksefplatform.schemas.topic.Topics;

/**
 * One ingress topic per upstream system, {@code ksef.ingress.<system>.v1}, and its dead letters beside it
 * ({@link Topics#ingress}): the topic is the system's identity, because Kafka's ACLs can let a principal write one
 * topic (headers can be forged).
 */
public final class IngressTopics {

    private static final String PREFIX = "ksef.ingress.";
    private static final String SUFFIX = ".v1";

    private IngressTopics() {
    }

    public static String of(String systemId) {
        return Topics.ingress(systemId).get(0).name();
    }

    public static String deadLetters(String systemId) {
        return Topics.ingress(systemId).get(1).name();
    }

    static String systemOf(String topic) {
        return topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
    }
}
