package dev.ksefplatform.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class DrainedBodyTest {

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A body of {@code chunks} chunks of 1,000 bytes, counting what its reader took. */
    private Flux<DataBuffer> body(int chunks) {
        return Flux.range(0, chunks).map(i -> (DataBuffer) DefaultDataBufferFactory.sharedInstance
                        .wrap("x".repeat(1000).getBytes(StandardCharsets.US_ASCII)))
                .doOnNext(b -> sent.incrementAndGet()).doOnCancel(() -> cancelled.set(true));
    }

    @Test
    void aBodyReadToItsEndLeavesNothingToWaitFor() {
        DrainedBody drained = new DrainedBody(10_000);

        StepVerifier.create(drained.of(body(5))).expectNextCount(5).verifyComplete();

        StepVerifier.create(drained.done()).expectComplete().verify(Duration.ofSeconds(1));
        assertThat(cancelled).isFalse();
    }

    @Test
    void whenItsReaderStopsEarlyTheRestIsReadAndDroppedBeforeTheAnswer() {
        DrainedBody drained = new DrainedBody(10_000);

        StepVerifier.create(drained.of(body(8)), 2).expectNextCount(2).thenCancel().verify();

        StepVerifier.create(drained.done()).expectComplete().verify(Duration.ofSeconds(1));
        assertThat(sent).hasValue(8);
        assertThat(cancelled).as("read to the end, not cancelled").isFalse();
    }

    @Test
    void pastTheBoundTheBodyIsCancelledAsItWouldHaveBeen() {
        DrainedBody drained = new DrainedBody(3_500);

        StepVerifier.create(drained.of(body(100)), 1).expectNextCount(1).thenCancel().verify();

        StepVerifier.create(drained.done()).expectComplete().verify(Duration.ofSeconds(1));
        assertThat(cancelled).isTrue();
        assertThat(sent).as("the one read, then four dropped: 4,000 bytes > 3,500").hasValue(5);
    }

    @Test
    void theAnswerWaitsWhileTheRestIsStillArriving() {
        DrainedBody drained = new DrainedBody(10_000);
        Flux<DataBuffer> slow = body(3).concatWith(body(1).delaySubscription(Duration.ofMillis(300)));

        StepVerifier.create(drained.of(slow), 1).expectNextCount(1).thenCancel().verify();

        StepVerifier.create(drained.done()).expectSubscription().expectNoEvent(Duration.ofMillis(200))
                .expectComplete().verify(Duration.ofSeconds(2));
        assertThat(sent).hasValue(4);
    }
}
