package dev.ksefplatform.credentials.session.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.limits.LimitGroup;
import org.junit.jupiter.api.Test;

class KsefRoutesTest {

    @Test
    void theAuthenticationFlowCountsPerIpOnly() {
        for (String path : new String[] {"/v2/auth/challenge", "/v2/auth/ksef-token", "/v2/auth/xades-signature",
                "/v2/auth/token/redeem", "/v2/auth/token/refresh"}) {
            assertThat(KsefRoutes.of("POST", path)).isEqualTo(new KsefRoutes.Route(LimitGroup.AUTH, null, true));
        }
        assertThat(KsefRoutes.of("GET", "/v2/auth/20261202-AU-0A1B2C3D4E-5F").perIp()).isTrue();
        assertThat(KsefRoutes.of("GET", "/v2/security/public-key-certificates").perIp()).isTrue();
    }

    @Test
    void protectedEndpointsAreOtherWithOneCounterPerEndpointNotPerResource() {
        KsefRoutes.Route one = KsefRoutes.of("GET", "/v2/tokens/20261202-EC-0A1B2C3D4E-5F");
        KsefRoutes.Route two = KsefRoutes.of("GET", "/v2/tokens/20261203-EC-FFFFFFFFFF-01");

        assertThat(one).isEqualTo(two).isEqualTo(new KsefRoutes.Route(LimitGroup.OTHER, "GET /v2/tokens/{ref}", false));
        assertThat(KsefRoutes.of("GET", "/v2/auth/sessions"))
                .isEqualTo(new KsefRoutes.Route(LimitGroup.OTHER, "GET /v2/auth/sessions", false));
        assertThat(KsefRoutes.of("DELETE", "/v2/auth/sessions/20261202-AU-0A1B2C3D4E-5F").endpoint())
                .isEqualTo("DELETE /v2/auth/sessions/{ref}");
        assertThat(KsefRoutes.of("POST", "/v2/permissions/query/personal/grants").group()).isEqualTo(LimitGroup.OTHER);
    }
}
