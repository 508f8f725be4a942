package dev.ksefplatform.schemas.topic;

import java.time.Duration;
import java.util.List;

/** The platform's topics, as ARCHITECTURE.md fixes them. */
public final class Topics {

    /**
     * A command carries one invoice of at most 3 MB (KSeF's limit with attachments), Base64-free
     * as Avro bytes, plus the envelope; a batch command is compressed by the producer. 8 MiB
     * leaves room for both without letting a runaway producer fill a partition.
     */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** Default partition count for the local stack and tests; production sets its own. */
    public static final int DEFAULT_PARTITIONS = 12;

    public static final TopicDescriptor COMMANDS =
            new TopicDescriptor("ksef.commands.v1", DEFAULT_PARTITIONS, Duration.ofDays(7), MAX_MESSAGE_BYTES);
    public static final TopicDescriptor COMMANDS_RETRY =
            new TopicDescriptor("ksef.commands.v1-retry", DEFAULT_PARTITIONS, Duration.ofDays(7), MAX_MESSAGE_BYTES);
    public static final TopicDescriptor COMMANDS_DLT =
            new TopicDescriptor("ksef.commands.v1-dlt", DEFAULT_PARTITIONS, Duration.ofDays(30), MAX_MESSAGE_BYTES);
    /** The event log: kept forever, the source of truth for every read model. */
    public static final TopicDescriptor EVENTS =
            new TopicDescriptor("ksef.events.v1", DEFAULT_PARTITIONS, null, MAX_MESSAGE_BYTES);


    private Topics() {
    }

    public static List<TopicDescriptor> all() {
        return List.of(COMMANDS, COMMANDS_RETRY, COMMANDS_DLT, EVENTS);
    }

    /** An upstream system's id: 1-40 of lower-case letters, digits and hyphens (a topic name's part and a key's). */
    public static final java.util.regex.Pattern UPSTREAM_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /**
     * An upstream system's ingress topic, {@code ksef.ingress.<system>.v1} (kept like the commands), and its dead
     * letters beside it: the topic is the system's identity, because Kafka's ACLs can let a principal write one topic
     * (CONTRACTS §5).
     */
    public static List<TopicDescriptor> ingress(String systemId) {
        if (!UPSTREAM_ID.matcher(systemId).matches()) {
            throw new IllegalArgumentException("an upstream system id is 1-40 of [a-z0-9-], not " + systemId);
        }
        String name = "ksef.ingress." + systemId + ".v1";
        return List.of(new TopicDescriptor(name, DEFAULT_PARTITIONS, Duration.ofDays(7), MAX_MESSAGE_BYTES),
                new TopicDescriptor(name + "-dlt", DEFAULT_PARTITIONS, Duration.ofDays(30), MAX_MESSAGE_BYTES));
    }
}
