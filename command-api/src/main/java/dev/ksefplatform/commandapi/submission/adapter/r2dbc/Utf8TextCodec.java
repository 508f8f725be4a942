package dev.ksefplatform.commandapi.submission.adapter.r2dbc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Sends a {@link Utf8Text} as {@code text} in PostgreSQL's binary format, which for text is its UTF-8 bytes: the
 * invoice goes to the insert without being decoded into a {@code String} (twice its size in UTF-16 when it has a
 * Polish letter) and encoded back by the driver (README "Cost of a request"). Encodes only; nulls and reading are
 * the driver's.
 */
final class Utf8TextCodec implements Codec<Utf8Text>, CodecMetadata {

    /** The driver looks encoders up by the value's class, from this, first codec first. */
    @Override
    public Class<?> type() {
        return Utf8Text.class;
    }

    /** None: the driver would otherwise also ask this codec to decode text. */
    @Override
    public Iterable<PostgresTypeIdentifier> getDataTypes() {
        return List.of();
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Utf8Text;
    }

    /** Wraps, not copies: the array is the inspected invoice's, never written to after inspection. */
    @Override
    public EncodedParameter encode(Object value) {
        byte[] bytes = ((Utf8Text) value).bytes();
        return new EncodedParameter(Format.FORMAT_BINARY, PostgresqlObjectId.TEXT.getObjectId(),
                Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        return encode(value);
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return false;
    }

    @Override
    public EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("a null is encoded by the driver's codec");
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return false;
    }

    @Override
    public Utf8Text decode(ByteBuf buffer, int dataType, Format format, Class<? extends Utf8Text> type) {
        throw new UnsupportedOperationException("decoding is left to the driver's codecs");
    }
}
