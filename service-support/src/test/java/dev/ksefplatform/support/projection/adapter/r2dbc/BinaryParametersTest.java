package dev.ksefplatform.support.projection.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.codec.DefaultCodecs;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
    }

    @Test
    void leavesOtherValuesNullsAndDecodingToTheDriver() {
        assertThat(codecs.encode("text").toString()).contains("FORMAT_TEXT");
        assertThat(codecs.encodeNull(String[].class).toString()).contains("type=" + PostgresqlObjectId.TEXT_ARRAY.getObjectId());

        String[] decoded = codecs.decode(Unpooled.copiedBuffer("{a,\"b c\"}", StandardCharsets.UTF_8),
                PostgresqlObjectId.VARCHAR_ARRAY.getObjectId(), Format.FORMAT_TEXT, String[].class);

        assertThat(decoded).containsExactly("a", "b c");
    }
}
