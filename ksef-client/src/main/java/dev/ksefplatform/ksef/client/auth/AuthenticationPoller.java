package dev.ksefplatform.ksef.client.auth;

import dev.ksefplatform.ksef.client.auth.AuthDtos.AuthenticationStatus;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.http.StatusDto;
import dev.ksefplatform.ksef.client.poll.Poller;
import java.time.Duration;

/** Polls {@code GET /auth/{ref}} until the authentication leaves status 100. */
public final class AuthenticationPoller {

    static final int IN_PROGRESS = 100;
    static final int SUCCESS = 200;

    private final KsefHttp http;
    private final Poller poller;
    private final Duration timeout;

    public AuthenticationPoller(KsefHttp http, Poller poller, Duration timeout) {
        this.http = http;
        this.poller = poller;
        this.timeout = timeout;
    }

    void awaitSuccess(String referenceNumber, String authenticationToken) {
        KsefCall<AuthenticationStatus> call = KsefCall
                .get("/auth/" + PathSegment.of(referenceNumber), AuthenticationStatus.class)
                .bearer(authenticationToken);
        StatusDto status = poller.poll(() -> http.call(call).status(), s -> s.code() != IN_PROGRESS, timeout);
        if (status.code() != SUCCESS) {
            throw new KsefAuthenticationFailedException(status.code(), status.code() == IN_PROGRESS
                    ? "still in progress after " + timeout : status.describe());
        }
    }
}
