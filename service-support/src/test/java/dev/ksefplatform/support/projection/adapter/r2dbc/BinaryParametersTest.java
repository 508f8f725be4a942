package dev.ksefplatform.support.projection.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.codec.DefaultCodecs;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The driver picks these codecs for the values they take, and still decodes with its own. */
class BinaryParametersTest {

    private final DefaultCodecs codecs = new DefaultCodecs(ByteBufAllocator.DEFAULT);

    BinaryParametersTest() {
        Mono.from(new BinaryParameters().register(null, ByteBufAllocator.DEFAULT, codecs)).block();
    }

    @Test
    void encodesTextArraysAndByteBuffersInBinary() {
        assertThat(codecs.encode(new String[] {"a", null}).toString()).contains("FORMAT_BINARY");
        assertThat(codecs.encode(ByteBuffer.wrap(new byte[] {1, 2})).toString()).contains("FORMAT_BINARY");
        assertThat(codecs.encode(ByteBuffer.allocateDirect(2)).toString()).contains("FORMAT_BINARY");
        assertThat(codecs.encode(new OffsetDateTime[] {OffsetDateTime.now(), null}).toString()).contains("FORMAT_BINARY");
    }

    @Test
    void leavesOtherValuesNullsAndDecodingToTheDriver() {
        assertThat(codecs.encode("text").toString()).contains("FORMAT_TEXT");
        assertThat(codecs.encodeNull(String[].class).toString()).contains("type=" + PostgresqlObjectId.TEXT_ARRAY.getObjectId());

        String[] decoded = codecs.decode(Unpooled.copiedBuffer("{a,\"b c\"}", StandardCharsets.UTF_8),
                PostgresqlObjectId.VARCHAR_ARRAY.getObjectId(), Format.FORMAT_TEXT, String[].class);

        assertThat(decoded).containsExactly("a", "b c");
    }

    @Test
    void roundsToTheMicrosecondAsTheServerDoes() {
        assertThat(BinaryTimestampArrayCodec.micros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(BinaryTimestampArrayCodec.micros(Instant.parse("1999-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(BinaryTimestampArrayCodec.micros(Instant.parse("2000-01-01T00:00:00.000001500Z"))).isEqualTo(2);
        assertThat(BinaryTimestampArrayCodec.micros(Instant.parse("2000-01-01T00:00:00.000002500Z"))).isEqualTo(2);
        assertThat(BinaryTimestampArrayCodec.micros(Instant.parse("2000-01-01T00:00:00.000002501Z"))).isEqualTo(3);
    }
}
