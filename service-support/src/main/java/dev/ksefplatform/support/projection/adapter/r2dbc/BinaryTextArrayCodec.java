package dev.ksefplatform.support.projection.adapter.r2dbc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Sends a {@code String[]} parameter ({@link BatchRows}' text columns, {@code = ANY(:ids)}) as {@code text[]} in
 * PostgreSQL's binary array format: a header, then each element's length and UTF-8 bytes. The driver's own codec
 * writes the array literal as text and escape-checks every character of every element, which JFR put at 14 % of
 * audit-projector's CPU samples (sync-service README "Cost per invoice"). The server sees a {@code text[]}, as it
 * did from the driver's text ({@code BinaryParametersIT} compares the two); encodes only, decoding stays with the
 * driver.
 */
final class BinaryTextArrayCodec extends EncodeOnlyCodec<String[]> {

    private static final int HEADER = 20;

    BinaryTextArrayCodec() {
        super(String[].class, PostgresqlObjectId.TEXT_ARRAY.getObjectId());
    }

    @Override
    Supplier<ByteBuf> encoding(String[] value) {
        String[] elements = value.clone();
        return () -> binary(elements);
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
}
