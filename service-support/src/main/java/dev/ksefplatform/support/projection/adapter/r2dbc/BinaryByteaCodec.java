package dev.ksefplatform.support.projection.adapter.r2dbc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Sends a {@link ByteBuffer} parameter as {@code bytea} in PostgreSQL's binary format: the bytes as they are. The
 * driver's own codec sends it as text, {@code \x} and two hex digits a byte, which was the largest single cost of
 * folding an invoice (a stored document's XML and UPO): JFR put 9 % of sync-service's CPU in the hex encoding
 * (sync-service README "Cost per invoice"). The same type, the same stored bytes; only the wire format changes. Encodes only:
 * reading a {@code bytea} (and a null, whose type the driver's codec names) is left to the driver's codecs.
 */
final class BinaryByteaCodec implements Codec<ByteBuffer>, CodecMetadata {

    /**
     * The driver looks an encoder up by the value's class in a cache it fills from each codec's metadata, first
     * codec first: without this, its own codec for the class would be found before this one is asked.
     */
    @Override
    public Class<?> type() {
        return ByteBuffer.class;
    }

    /** None: the driver would then also cache this codec to decode these types, which it does not. */
    @Override
    public Iterable<PostgresTypeIdentifier> getDataTypes() {
        return List.of();
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof ByteBuffer;
    }

    @Override
    public EncodedParameter encode(Object value) {
        ByteBuffer bytes = ((ByteBuffer) value).duplicate();
        return new EncodedParameter(Format.FORMAT_BINARY, PostgresqlObjectId.BYTEA.getObjectId(),
                Mono.fromSupplier(() -> wrap(bytes)));
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        return encode(value);
    }

    private static ByteBuf wrap(ByteBuffer bytes) {
        return Unpooled.wrappedBuffer(bytes.duplicate());
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return false;
    }

    @Override
    public EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("a null bytea is encoded by the driver's codec");
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return false;
    }

    @Override
    public ByteBuffer decode(ByteBuf buffer, int dataType, Format format, Class<? extends ByteBuffer> type) {
        throw new UnsupportedOperationException("a bytea is decoded by the driver's codec");
    }
}
