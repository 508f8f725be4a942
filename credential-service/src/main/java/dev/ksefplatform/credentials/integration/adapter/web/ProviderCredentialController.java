package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.integration.application.ProviderCredentials;
import dev.ksefplatform.credentials.integration.application.ProviderRegistration;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Provider credentials (caller {@code admin}): registered once, used by every integration that references them. */
@RestController
@RequestMapping("/admin/v1/provider-credentials")
public class ProviderCredentialController {

    private final ProviderCredentials providers;

    public ProviderCredentialController(ProviderCredentials providers) {
        this.providers = providers;
    }

    @PostMapping
    public Mono<ResponseEntity<ProviderCredentialBody>> register(@RequestBody RegisterProviderBody body) {
        return Mono.fromCallable(body::toRegistration).flatMap(providers::register).map(ProviderCredentialBody::of)
                .map(created -> ResponseEntity.created(URI.create("/admin/v1/provider-credentials/"
                        + created.providerCredentialId())).body(created));
    }

    @GetMapping
    public Mono<List<ProviderCredentialBody>> list() {
        return providers.list().map(ProviderCredentialBody::of).collectList();
    }

    @GetMapping("/{id}")
    public Mono<ProviderCredentialBody> get(@PathVariable String id) {
        return Mono.fromCallable(() -> uuid(id)).flatMap(providers::get).map(ProviderCredentialBody::of);
    }

    @PostMapping("/{id}/secret")
    public Mono<ProviderCredentialBody> rotate(@PathVariable String id, @RequestBody RotateSecretBody body) {
        if (body.credential() == null) {
            return Mono.error(new InvalidRequest("credential is required"));
        }
        return Mono.fromCallable(() -> body.credential().secret())
                .flatMap(secret -> providers.rotate(uuid(id), body.credential().type(), secret))
                .map(ProviderCredentialBody::of);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("provider credential id must be a UUID");
        }
    }

    /** {@code {"environment","providerNip","description"?,"credential":{...}}}. */
    public record RegisterProviderBody(String environment, String providerNip, String description,
                                       CredentialBody credential) {

        ProviderRegistration toRegistration() {
            if (credential == null) {
                throw new InvalidRequest("credential is required");
            }
            return new ProviderRegistration(environment, providerNip, description, credential.type(),
                    credential.secret());
        }
    }
}
