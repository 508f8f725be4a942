package dev.ksefplatform.support.projection.adapter.r2dbc;

import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Parameters in PostgreSQL's binary format where the driver would write text that costs more to make than the
 * statement costs to run: {@code bytea} ({@link BinaryByteaCodec}), text arrays ({@link BinaryTextArrayCodec}) and
 * timestamp arrays ({@link BinaryTimestampArrayCodec}). Put before the driver's codecs on each connection of a pool
 * that is given this extension ({@code PostgresqlConnectionFactoryProvider.EXTENSIONS}, see sync-service's
 * {@code ProjectionConfiguration}). Hand-written because the driver (1.0.x) offers no binary encoding for these types.
 */
public final class BinaryParameters implements CodecRegistrar {

    @Override
    public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry codecs) {
        codecs.addFirst(new BinaryByteaCodec());
        codecs.addFirst(new BinaryTextArrayCodec());
        codecs.addFirst(new BinaryTimestampArrayCodec());
        return Mono.empty();
    }
}
