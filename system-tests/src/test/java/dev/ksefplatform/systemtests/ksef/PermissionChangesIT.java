package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceQuery;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.client.error.KsefForbiddenException;
import dev.ksefplatform.systemtests.ksef.RunningSimulator.SeededToken;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a taxpayer takes a permission away from the platform's subject in its context (simulated with
 * {@code /sim/v1/permissions}), the real client sees what KSeF shows, every exchange checked against the spec: an
 * access token already issued is refused with 403 {@code missing-permissions} where it needs that permission, a new
 * login whose token has nothing left ends with status 415, and both work again once the permission is restored.
 */
class PermissionChangesIT {

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final KsefClient ksef = KSEF.client();

    @Test
    void aRevokedInvoiceWriteStopsSessionsOfAnIssuedTokenButNotItsReadsUntilRestored() {
        String nip = TestNips.random();
        String access = login(nip, simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead")).accessToken().token();

        simulator.revokePermissions(nip, "Nip", nip, "InvoiceWrite");

        assertThatThrownBy(() -> ksef.onlineSessions().open(access, FormCode.FA3))
                .isInstanceOfSatisfying(KsefForbiddenException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo("missing-permissions");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(ksef.invoiceQueries().metadata(access, InvoiceQuery.receivedSince(Instant.now().minusSeconds(60)),
                0, 10).invoices()).isEmpty();

        simulator.restorePermissions(nip, "Nip", nip, "InvoiceWrite");

        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            assertThat(session.referenceNumber()).contains("-SO-");
        }
    }

    @Test
    void aLoginWhoseTokenHasNoPermissionLeftEndsWith415UntilRestored() {
        String nip = TestNips.random();
        SeededToken token = simulator.seedKsefToken(nip, "InvoiceWrite");

        simulator.revokePermissions(nip, "Nip", nip, "InvoiceWrite");

        assertThatThrownBy(() -> login(nip, token)).isInstanceOfSatisfying(KsefAuthenticationFailedException.class,
                e -> assertThat(e.statusCode()).isEqualTo(415));

        simulator.restorePermissions(nip, "Nip", nip, "InvoiceWrite");

        assertThat(login(nip, token).accessToken().token()).isNotBlank();
    }

    private AuthTokens login(String nip, SeededToken token) {
        return ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token.token());
    }
}
