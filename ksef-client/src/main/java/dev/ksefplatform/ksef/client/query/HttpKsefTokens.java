package dev.ksefplatform.ksef.client.query;

import dev.ksefplatform.ksef.client.KsefTokenInfo;
import dev.ksefplatform.ksef.client.KsefTokens;
import dev.ksefplatform.ksef.client.http.ContextDto;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import java.util.List;

/** {@code GET} and {@code DELETE /tokens/{ref}} over HTTP. */
public final class HttpKsefTokens implements KsefTokens {

    record TokenStatus(String referenceNumber, String status, List<String> requestedPermissions,
                       ContextDto contextIdentifier) {
    }

    private final KsefHttp http;

    public HttpKsefTokens(KsefHttp http) {
        this.http = http;
    }

    @Override
    public KsefTokenInfo get(String accessToken, String tokenReferenceNumber) {
        TokenStatus t = http.call(KsefCall.get("/tokens/" + PathSegment.of(tokenReferenceNumber), TokenStatus.class)
                .bearer(accessToken));
        return new KsefTokenInfo(t.referenceNumber(), t.status(), t.requestedPermissions(),
                t.contextIdentifier() == null ? null : t.contextIdentifier().toContext());
    }

    @Override
    public void revoke(String accessToken, String tokenReferenceNumber) {
        http.call(KsefCall.delete("/tokens/" + PathSegment.of(tokenReferenceNumber)).bearer(accessToken));
    }
}
