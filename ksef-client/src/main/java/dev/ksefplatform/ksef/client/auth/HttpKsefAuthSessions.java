package dev.ksefplatform.ksef.client.auth;

import dev.ksefplatform.ksef.client.AuthSession;
import dev.ksefplatform.ksef.client.KsefAuthSessions;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.http.StatusDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /auth/sessions} over HTTP. */
public final class HttpKsefAuthSessions implements KsefAuthSessions {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 100;

    record Item(String referenceNumber, boolean isCurrent, Instant startDate, StatusDto status, Boolean isTokenRedeemed,
                Instant refreshTokenValidUntil) {
        AuthSession toSession() {
            return new AuthSession(referenceNumber, isCurrent, startDate, status.code(), status.description(),
                    isTokenRedeemed, refreshTokenValidUntil);
        }
    }

    record Page(List<Item> items, String continuationToken) {
    }

    private final KsefHttp http;

    public HttpKsefAuthSessions(KsefHttp http) {
        this.http = http;
    }

    @Override
    public List<AuthSession> list(String accessToken) {
        List<AuthSession> sessions = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page page = http.call(KsefCall.get("/auth/sessions?pageSize=" + PAGE_SIZE, Page.class)
                    .bearer(accessToken).header("x-continuation-token", token));
            if (page.items() != null) {
                page.items().forEach(i -> sessions.add(i.toSession()));
            }
            token = page.continuationToken();
            if (token == null || token.isBlank()) {
                break;
            }
        }
        return List.copyOf(sessions);
    }

    @Override
    public void revoke(String accessToken, String referenceNumber) {
        http.call(KsefCall.delete("/auth/sessions/" + PathSegment.of(referenceNumber)).bearer(accessToken));
    }
}
