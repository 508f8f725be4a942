package dev.ksefplatform.commandapi.submission.adapter.kafka;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A record's key or value the {@link EventLogWatcher} never reads: nothing is copied or decoded (the plain
 * deserializers copy every value out of the fetched batch and make a {@code String} of every key).
 */
public final class IgnoredPart implements Deserializer<Void> {

    @Override
    public Void deserialize(String topic, byte[] data) {
        return null;
    }

    @Override
    public Void deserialize(String topic, Headers headers, ByteBuffer data) {
        return null;
    }
}
