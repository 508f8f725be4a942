package dev.ksefplatform.commandapi.submission.adapter.r2dbc;

import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Puts {@link Utf8TextCodec} before the driver's codecs on each connection ({@code PostgresqlConnectionFactoryProvider.EXTENSIONS}). */
public final class Utf8TextParameters implements CodecRegistrar {

    @Override
    public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry codecs) {
        codecs.addFirst(new Utf8TextCodec());
        return Mono.empty();
    }
}
