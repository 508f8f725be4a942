package dev.ksefplatform.support.projection.adapter.r2dbc;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.message.Format;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A codec that only encodes non-null values of one Java class, in PostgreSQL's binary format: nulls and every decode
 * are left to the driver's own codecs (see {@link BinaryParameters}).
 */
abstract class EncodeOnlyCodec<T> implements Codec<T>, CodecMetadata {

    private final Class<T> type;
    private final int objectId;

    EncodeOnlyCodec(Class<T> type, int objectId) {
        this.type = type;
        this.objectId = objectId;
    }

    /** The bytes of {@code value}, from a copy taken now: the driver writes them later, maybe on another thread. */
    abstract Supplier<ByteBuf> encoding(T value);

    /**
     * The driver looks an encoder up by the value's class in a cache it fills from each codec's metadata, first
     * codec first: without this, its own codec for the class would be found before this one is asked.
     */
    @Override
    public final Class<?> type() {
        return type;
    }

    /** None: the driver would then also cache this codec to decode these types, which it does not. */
    @Override
    public final Iterable<PostgresTypeIdentifier> getDataTypes() {
        return List.of();
    }

    @Override
    public final boolean canEncode(Object value) {
        return type.isInstance(value);
    }

    @Override
    public final EncodedParameter encode(Object value) {
        return new EncodedParameter(Format.FORMAT_BINARY, objectId, Mono.fromSupplier(encoding(type.cast(value))));
    }

    @Override
    public final EncodedParameter encode(Object value, int dataType) {
        return encode(value);
    }

    @Override
    public final boolean canEncodeNull(Class<?> type) {
        return false;
    }

    @Override
    public final EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("a null is encoded by the driver's codec");
    }

    @Override
    public final boolean canDecode(int dataType, Format format, Class<?> type) {
        return false;
    }

    @Override
    public final T decode(ByteBuf buffer, int dataType, Format format, Class<? extends T> type) {
        throw new UnsupportedOperationException("decoding is left to the driver's codecs");
    }
}
