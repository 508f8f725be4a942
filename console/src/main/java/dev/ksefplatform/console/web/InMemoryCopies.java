package dev.ksefplatform.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves each static file (stylesheet, script, htmx from its webjar) from a copy in memory, read whole from the jar
 * once, on one thread. Streaming from the jar per request let a cancelled request close a jar entry's stream while
 * another thread was still inflating it; the JDK then hands that inflater to the next entry read, which fails with
 * "invalid stored block lengths" (seen as a 500 for /css/console.css in a browser test). Bounded: only files that
 * exist in the jars are copied, and only once each.
 */
final class InMemoryCopies implements ResourceResolver {

    private final Map<String, Resource> copies = new ConcurrentHashMap<>();

    @Override
    public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange, String requestPath,
                                          List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveResource(exchange, requestPath, locations)
                .flatMap(found -> Mono.fromCallable(() -> copyOf(found)).subscribeOn(Schedulers.boundedElastic()));
    }

    @Override
    public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
                                       ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }

    /** One copy per file, read once: a concurrent first request waits for it rather than reading the jar again. */
    private Resource copyOf(Resource found) throws IOException {
        try {
            return copies.computeIfAbsent(found.getURL().toExternalForm(), url -> Copy.of(found));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The file's bytes with the name (for its media type) and modification time (for Last-Modified) of the original. */
    private static final class Copy extends ByteArrayResource {

        private final String filename;
        private final long lastModified;

        private Copy(byte[] bytes, Resource original) throws IOException {
            super(bytes, original.getDescription());
            this.filename = original.getFilename();
            this.lastModified = original.lastModified();
        }

        static Copy of(Resource original) {
            try {
                return new Copy(readWhole(original), original);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] readWhole(Resource original) throws IOException {
            try (InputStream in = original.getInputStream()) {
                return in.readAllBytes();
            }
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return lastModified;
        }
    }
}
