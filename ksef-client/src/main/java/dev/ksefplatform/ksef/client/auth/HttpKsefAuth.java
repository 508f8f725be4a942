package dev.ksefplatform.ksef.client.auth;

import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefAuth;
import dev.ksefplatform.ksef.client.SubjectIdentifierType;
import dev.ksefplatform.ksef.client.XadesCredential;
import dev.ksefplatform.ksef.client.TokenInfo;
import dev.ksefplatform.ksef.client.auth.AuthDtos.AuthenticationInit;
import dev.ksefplatform.ksef.client.auth.AuthDtos.Challenge;
import dev.ksefplatform.ksef.client.auth.AuthDtos.InitTokenAuthentication;
import dev.ksefplatform.ksef.client.auth.AuthDtos.Refreshed;
import dev.ksefplatform.ksef.client.auth.AuthDtos.Tokens;
import dev.ksefplatform.ksef.client.auth.xades.AuthTokenRequestXml;
import dev.ksefplatform.ksef.client.auth.xades.XadesSigner;
import dev.ksefplatform.ksef.client.crypto.KeyUsage;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.crypto.MfPublicKey;
import dev.ksefplatform.ksef.client.crypto.PublicKeyDirectory;
import dev.ksefplatform.ksef.client.http.ContextDto;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.RawBody;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** KSeF-token and XAdES authentication over HTTP. */
public final class HttpKsefAuth implements KsefAuth {

    private final KsefHttp http;
    private final PublicKeyDirectory publicKeys;
    private final AuthenticationPoller poller;
    private final XadesSigner signer;

    public HttpKsefAuth(KsefHttp http, PublicKeyDirectory publicKeys, AuthenticationPoller poller) {
        this(http, publicKeys, poller, new XadesSigner(Clock.systemUTC()));
    }

    public HttpKsefAuth(KsefHttp http, PublicKeyDirectory publicKeys, AuthenticationPoller poller, XadesSigner signer) {
        this.http = http;
        this.publicKeys = publicKeys;
        this.poller = poller;
        this.signer = signer;
    }

    @Override
    public AuthTokens loginWithKsefToken(ContextIdentifier context, String ksefToken) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(ksefToken, "ksefToken");
        AuthenticationInit init = publicKeys.withKey(KeyUsage.KsefTokenEncryption, key -> {
            Challenge challenge = http.call(KsefCall.post("/auth/challenge", null, Challenge.class));
            return http.call(KsefCall.post("/auth/ksef-token", initRequest(challenge, context, ksefToken, key),
                    AuthenticationInit.class).notIdempotent());
        });
        return redeemWhenAuthenticated(init);
    }

    @Override
    public AuthTokens loginWithXades(ContextIdentifier context, SubjectIdentifierType subjectType,
                                     XadesCredential credential) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(credential, "credential");
        Challenge challenge = http.call(KsefCall.post("/auth/challenge", null, Challenge.class));
        byte[] signed = signer.sign(AuthTokenRequestXml.build(challenge.challenge(), context, subjectType), credential);
        AuthenticationInit init = http.call(KsefCall.post("/auth/xades-signature",
                new RawBody(signed, "application/xml"), AuthenticationInit.class).notIdempotent());
        return redeemWhenAuthenticated(init);
    }

    private AuthTokens redeemWhenAuthenticated(AuthenticationInit init) {
        String authenticationToken = init.authenticationToken().token();
        poller.awaitSuccess(init.referenceNumber(), authenticationToken);
        Tokens tokens = http.call(KsefCall.post("/auth/token/redeem", null, Tokens.class)
                .bearer(authenticationToken).notIdempotent());
        return new AuthTokens(tokens.accessToken().toTokenInfo(), tokens.refreshToken().toTokenInfo(),
                init.referenceNumber());
    }

    @Override
    public TokenInfo refresh(String refreshToken) {
        return http.call(KsefCall.post("/auth/token/refresh", null, Refreshed.class).bearer(refreshToken))
                .accessToken().toTokenInfo();
    }

    @Override
    public void revokeCurrentSession(String accessOrRefreshToken) {
        http.call(KsefCall.delete("/auth/sessions/current").bearer(accessOrRefreshToken));
    }

    private static InitTokenAuthentication initRequest(Challenge challenge, ContextIdentifier context,
                                                       String ksefToken, MfPublicKey key) {
        byte[] plaintext = (ksefToken + "|" + challenge.timestampMs()).getBytes(StandardCharsets.UTF_8);
        return new InitTokenAuthentication(challenge.challenge(), ContextDto.of(context),
                KsefCrypto.base64(KsefCrypto.rsaOaep(key.key(), plaintext)), key.publicKeyId());
    }
}
