package dev.ksefplatform.commandapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.CapturedLogs;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;

/** A client that gave up before its answer is not logged as the service's error; anything else unforeseen is. */
class ClientGoneTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aClosedOrResetClientConnectionIsNoError() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            advice.unexpected(new AbortedException("Connection has been closed BEFORE send operation"));
            advice.unexpected(new IOException("Connection reset by peer"));

            assertThat(logs.entries()).noneMatch(entry -> entry.level().equals("ERROR"));
        }
    }

    @Test
    void anythingElseUnforeseenIsLoggedAsAnErrorAndAnsweredWithoutInternals() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            var answer = advice.unexpected(new IllegalStateException("postgres.internal:5432 said no"));

            assertThat(logs.entries()).anyMatch(entry -> entry.level().equals("ERROR")
                    && entry.message().equals("unhandled error"));
            assertThat(answer.getStatus()).isEqualTo(500);
            assertThat(answer.getDetail()).doesNotContain("postgres");
        }
    }
}
