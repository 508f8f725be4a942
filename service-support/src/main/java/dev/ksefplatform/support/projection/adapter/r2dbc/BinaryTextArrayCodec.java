package dev.ksefplatform.support.projection.adapter.r2dbc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Sends a {@code String[]} parameter ({@link BatchRows}' text columns, {@code = ANY(:ids)}) as {@code text[]} in
 * PostgreSQL's binary array format: a header, then each element's length and UTF-8 bytes. The driver's own codec
 * writes the array literal as text and escape-checks every character of every element, which JFR put at 14 % of
 * audit-projector's CPU samples (sync-service README "Cost per invoice"). The server sees a {@code text[]}, as it
 * did from the driver's text ({@code BinaryParametersIT} compares the two); encodes only, decoding stays with the
 * driver.
 */
final class BinaryTextArrayCodec implements Codec<String[]>, CodecMetadata {

    private static final int HEADER = 20;

    /**
     * The driver looks an encoder up by the value's class in a cache it fills from each codec's metadata, first
     * codec first: without this, its own codec for the class would be found before this one is asked.
     */
    @Override
    public Class<?> type() {
        return String[].class;
    }

    /** None: the driver would then also cache this codec to decode these types, which it does not. */
    @Override
    public Iterable<PostgresTypeIdentifier> getDataTypes() {
        return List.of();
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof String[];
    }

    @Override
    public EncodedParameter encode(Object value) {
        String[] elements = ((String[]) value).clone();
        return new EncodedParameter(Format.FORMAT_BINARY, PostgresqlObjectId.TEXT_ARRAY.getObjectId(),
                Mono.fromSupplier(() -> binary(elements)));
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        return encode(value);
    }

    /** {@code array_recv}'s input: dimensions, has-nulls flag, element type, then size and lower bound (1). */
    static ByteBuf binary(String[] elements) {
        byte[][] utf8 = new byte[elements.length][];
        int size = HEADER;
        boolean nulls = false;
        for (int i = 0; i < elements.length; i++) {
            utf8[i] = elements[i] == null ? null : elements[i].getBytes(StandardCharsets.UTF_8);
            nulls |= utf8[i] == null;
            size += 4 + (utf8[i] == null ? 0 : utf8[i].length);
        }
        ByteBuf out = Unpooled.buffer(size);
        out.writeInt(elements.length == 0 ? 0 : 1).writeInt(nulls ? 1 : 0)
                .writeInt(PostgresqlObjectId.TEXT.getObjectId());
        if (elements.length > 0) {
            out.writeInt(elements.length).writeInt(1);
        }
        for (byte[] element : utf8) {
            if (element == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(element.length).writeBytes(element);
            }
        }
        return out;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return false;
    }

    @Override
    public EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("a null array is encoded by the driver's codec");
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return false;
    }

    @Override
    public String[] decode(ByteBuf buffer, int dataType, Format format, Class<? extends String[]> type) {
        throw new UnsupportedOperationException("an array is decoded by the driver's codec");
    }
}
