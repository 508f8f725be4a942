package dev.ksefplatform.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InMemoryCopiesTest {

    private static final byte[] STYLESHEET = ".panel { margin: 0 }\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void readsAFileFromItsJarOnceAndAnswersEveryRequestWithTheSameBytesNameAndTime() throws IOException {
        AtomicInteger opened = new AtomicInteger();
        Resource inJar = countingOpens(new URL("jar:" + jar().toUri() + "!/static/css/console.css"), opened);
        InMemoryCopies copies = new InMemoryCopies();

        List<Resource> served = Flux.range(0, 32).flatMap(request -> copies.resolveResource(null, "console.css",
                List.of(), chainFinding(inJar)), 8).collectList().block(Duration.ofSeconds(30));

        assertThat(opened).hasValue(1);
        long modified = inJar.lastModified(); // a jar entry's is its jar's, as Spring answers for the original
        assertThat(served).hasSize(32).allSatisfy(copy -> {
            assertThat(copy.getContentAsByteArray()).isEqualTo(STYLESHEET);
            assertThat(copy.getFilename()).isEqualTo("console.css");
            assertThat(copy.lastModified()).isEqualTo(modified);
        });
        assertThat(opened).hasValue(1); // reading a copy, even many times over, never opens the jar again
    }

    @Test
    void answersNothingForAFileNoLocationHas() {
        Resource none = new InMemoryCopies().resolveResource(null, "missing.css", List.of(), chainFinding(null))
                .block(Duration.ofSeconds(5));

        assertThat(none).isNull();
    }

    private Path jar() throws IOException {
        Path jar = dir.resolve("static.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            JarEntry entry = new JarEntry("static/css/console.css");
            out.putNextEntry(entry); // deflated, as in the console's jar
            out.write(STYLESHEET);
            out.closeEntry();
        }
        return jar;
    }

    private static Resource countingOpens(URL url, AtomicInteger opened) {
        return new UrlResource(url) {
            @Override
            public InputStream getInputStream() throws IOException {
                opened.incrementAndGet();
                return super.getInputStream();
            }
        };
    }

    private static ResourceResolverChain chainFinding(Resource found) {
        return new ResourceResolverChain() {
            @Override
            public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
                                                  List<? extends Resource> locations) {
                return Mono.justOrEmpty(found);
            }

            @Override
            public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
                return Mono.justOrEmpty(found).map(resource -> resourcePath);
            }
        };
    }
}
