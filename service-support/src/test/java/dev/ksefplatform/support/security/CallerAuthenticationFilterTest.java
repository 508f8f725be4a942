package dev.ksefplatform.support.security;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

class CallerAuthenticationFilterTest {

    private static final String COMMAND_API = "Bearer local-command-api-token";
    private static final String ADMIN = "Bearer local-admin-token";

    private final CallerAuthenticationFilter filter = new CallerAuthenticationFilter(
            AccessRules.none().allow("/internal/", "command-api").allow("/admin/", "admin"),
            new CallerTokens(Map.of("command-api", "local-command-api-token", "admin", "local-admin-token")),
            new ObjectMapper());

    private final WebTestClient http = WebTestClient.bindToRouterFunction(RouterFunctions
                    .route(GET("/internal/v1/thing"), request -> ServerResponse.ok().bodyValue("internal"))
                    .andRoute(GET("/admin/v1/thing"), request -> ServerResponse.ok().bodyValue("admin"))
                    .andRoute(GET("/actuator/health"), request -> ServerResponse.ok().bodyValue("up")))
            .webFilter(filter).build();

    @Test
    void missingTokenIsUnauthorizedProblem() {
        http.get().uri("/internal/v1/thing").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void unknownTokenIsUnauthorizedAndNotEchoed() {
        http.get().uri("/internal/v1/thing").header(HttpHeaders.AUTHORIZATION, "Bearer guessed-secret").exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("unauthenticated").doesNotContain("guessed-secret"));
    }

    @Test
    void otherSchemeThanBearerIsUnauthorized() {
        http.get().uri("/internal/v1/thing").header(HttpHeaders.AUTHORIZATION, "Basic local-command-api-token")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void knownCallerWithoutTheRightIsForbiddenProblem() {
        http.get().uri("/internal/v1/thing").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/forbidden")
                .jsonPath("$.status").isEqualTo(403);
        http.get().uri("/admin/v1/thing").header(HttpHeaders.AUTHORIZATION, COMMAND_API).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void allowedCallerReachesTheEndpoint() {
        http.get().uri("/internal/v1/thing").header(HttpHeaders.AUTHORIZATION, COMMAND_API).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("internal");
        http.get().uri("/admin/v1/thing").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("admin");
    }

    @Test
    void unprotectedPathNeedsNoToken() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("up");
    }
}
