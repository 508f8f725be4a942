package dev.ksefplatform.support.projection.adapter.r2dbc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Sends a {@link ByteBuffer} parameter as {@code bytea} in PostgreSQL's binary format: the bytes as they are. The
 * driver's own codec sends it as text, {@code \x} and two hex digits a byte, which was the largest single cost of
 * folding an invoice (a stored document's XML and UPO): JFR put 9 % of sync-service's CPU in the hex encoding
 * (sync-service README "Cost per invoice"). The same type, the same stored bytes; only the wire format changes.
 * Encodes only: reading a {@code bytea} (and a null, whose type the driver's codec names) is left to the driver's
 * codecs.
 */
final class BinaryByteaCodec extends EncodeOnlyCodec<ByteBuffer> {

    BinaryByteaCodec() {
        super(ByteBuffer.class, PostgresqlObjectId.BYTEA.getObjectId());
    }

    @Override
    Supplier<ByteBuf> encoding(ByteBuffer value) {
        ByteBuffer bytes = value.duplicate();
        return () -> Unpooled.wrappedBuffer(bytes.duplicate());
    }
}
