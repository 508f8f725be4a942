package dev.ksefplatform.commandapi.platform.application;

/** Kafka did not answer the platform's health question in time: the operator may retry; the cause is logged. */
public final class KafkaUnavailable extends RuntimeException {

    public KafkaUnavailable(Throwable cause) {
        super("Kafka did not answer in time; try again shortly", cause);
    }
}
