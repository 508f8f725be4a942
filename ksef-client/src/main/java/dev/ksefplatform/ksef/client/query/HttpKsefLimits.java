package dev.ksefplatform.ksef.client.query;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.ksefplatform.ksef.client.KsefLimits;
import dev.ksefplatform.ksef.client.RateLimits;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /rate-limits} over HTTP; groups KSeF adds later are kept too. */
public final class HttpKsefLimits implements KsefLimits {

    private final KsefHttp http;

    public HttpKsefLimits(KsefHttp http) {
        this.http = http;
    }

    @Override
    public RateLimits rateLimits(String accessToken) {
        Limits dto = http.call(KsefCall.get("/rate-limits", Limits.class).bearer(accessToken));
        return new RateLimits(dto.groups);
    }

    static final class Limits {
        final Map<String, RateLimits.Limit> groups = new LinkedHashMap<>();

        @JsonAnySetter
        void put(String group, RateLimits.Limit limit) {
            groups.put(group, limit);
        }
    }
}
