package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.ksef.client.AuthSession;
import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.error.KsefApiException;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.systemtests.ksef.RunningSimulator.SeededToken;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authentication sessions and KSeF-token revocation through the real client, every exchange checked against the
 * spec: {@code GET /auth/sessions} lists the context's sessions newest first; revoking one (current or by reference)
 * stops its refresh token (21304, as TE answers) while its access tokens work on; a login made with a KSeF token may
 * revoke only that token unless it holds CredentialsManage.
 */
class AuthSessionsIT {

    private static final int NOT_AUTHENTICATED = 21304;

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final KsefClient ksef = KSEF.client();

    @Test
    void listsTheSessionsOfTheContextNewestFirstAndMarksTheCurrentOne() {
        String nip = TestNips.random();
        SeededToken token = simulator.seedKsefToken(nip, "InvoiceWrite");
        AuthTokens first = login(nip, token);
        AuthTokens second = login(nip, token);
        String elsewhere = TestNips.random();
        login(elsewhere, simulator.seedKsefToken(elsewhere, "InvoiceRead"));

        List<AuthSession> sessions = ksef.authSessions().list(second.accessToken().token());

        assertThat(sessions).extracting(AuthSession::referenceNumber)
                .containsExactly(second.authenticationReferenceNumber(), first.authenticationReferenceNumber());
        assertThat(sessions.get(0).current()).isTrue();
        assertThat(sessions.get(1).current()).isFalse();
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.statusCode()).isEqualTo(200);
            assertThat(s.tokenRedeemed()).isTrue();
            assertThat(s.refreshTokenValidUntil()).isNotNull();
        });
    }

    @Test
    void revokingTheCurrentSessionStopsItsRefreshTokenWhileItsAccessTokenWorksOn() {
        String nip = TestNips.random();
        AuthTokens tokens = login(nip, simulator.seedKsefToken(nip, "InvoiceWrite"));
        String refresh = tokens.refreshToken().token();

        ksef.auth().revokeCurrentSession(refresh);

        assertThatThrownBy(() -> ksef.auth().refresh(refresh)).isInstanceOfSatisfying(KsefApiException.class,
                e -> assertThat(e.hasErrorCode(NOT_AUTHENTICATED)).as("errors %s", e.errors()).isTrue());
        assertThat(ksef.authSessions().list(tokens.accessToken().token())).isEmpty();
    }

    @Test
    void revokingAnotherSessionByItsReferenceStopsOnlyThatSessionsRefreshToken() {
        String nip = TestNips.random();
        SeededToken token = simulator.seedKsefToken(nip, "InvoiceWrite");
        AuthTokens keeper = login(nip, token);
        AuthTokens revoked = login(nip, token);

        ksef.authSessions().revoke(keeper.accessToken().token(), revoked.authenticationReferenceNumber());

        assertThatThrownBy(() -> ksef.auth().refresh(revoked.refreshToken().token()))
                .isInstanceOfSatisfying(KsefApiException.class, e -> assertThat(e.hasErrorCode(NOT_AUTHENTICATED)).isTrue());
        assertThat(ksef.auth().refresh(keeper.refreshToken().token()).token()).isNotBlank();
        assertThat(ksef.authSessions().list(revoked.accessToken().token())).extracting(AuthSession::referenceNumber)
                .containsExactly(keeper.authenticationReferenceNumber());
    }

    @Test
    void aLoginWithAKsefTokenMayRevokeOnlyThatTokenUnlessItManagesCredentials() {
        String nip = TestNips.random();
        SeededToken own = simulator.seedKsefToken(nip, "InvoiceWrite");
        SeededToken another = simulator.seedKsefToken(nip, "InvoiceWrite");
        SeededToken manager = simulator.seedKsefToken(nip, "CredentialsManage");
        String access = login(nip, own).accessToken().token();

        assertThatThrownBy(() -> ksef.tokens().revoke(access, another.referenceNumber()))
                .isInstanceOfSatisfying(KsefForbiddenException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo("insufficient-resource-access"));
        ksef.tokens().revoke(access, own.referenceNumber());
        ksef.tokens().revoke(login(nip, manager).accessToken().token(), another.referenceNumber());

        assertThat(ksef.tokens().get(access, own.referenceNumber()).status()).isEqualTo("Revoked");
        assertThat(ksef.tokens().get(access, another.referenceNumber()).status()).isEqualTo("Revoked");
        assertThatThrownBy(() -> login(nip, own)).isInstanceOfSatisfying(KsefAuthenticationFailedException.class,
                e -> assertThat(e.statusCode()).isEqualTo(450));
    }

    private AuthTokens login(String nip, SeededToken token) {
        return ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token.token());
    }
}
