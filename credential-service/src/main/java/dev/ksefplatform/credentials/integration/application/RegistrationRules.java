package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.ksef.id.Nip;
import java.util.Set;
import java.util.function.Predicate;

/** Input checks for registration and secret rotation; messages never include the secret. */
final class RegistrationRules {

    /** KSeF token permissions (openapi TokenPermissionType). */
    static final Set<String> KSEF_SCOPES = Set.of("InvoiceWrite", "InvoiceRead", "CredentialsManage",
            "CredentialsRead", "Introspection", "SubunitManage", "EnforcementOperations");

    private RegistrationRules() {
    }

    static void check(Registration r, Predicate<String> knownEnvironment) {
        require(r.tenantId() != null && !r.tenantId().isBlank(), "tenantId is required");
        require(r.environment() != null && knownEnvironment.test(r.environment()),
                "environment must be one of the configured KSeF environments");
        require(r.taxpayerNip() != null && Nip.isValid(r.taxpayerNip()), "taxpayerNip is not a valid NIP");
        require(r.providerNip() != null && Nip.isValid(r.providerNip()), "providerNip is not a valid NIP");
        require(r.scopes() != null && !r.scopes().isEmpty(), "scopes must name at least one KSeF permission");
        require(KSEF_SCOPES.containsAll(r.scopes()), "scopes must be among " + KSEF_SCOPES);
        checkSecret(r.credentialType(), r.secret());
    }

    static void checkProvider(ProviderRegistration r, Predicate<String> knownEnvironment) {
        require(r.environment() != null && knownEnvironment.test(r.environment()),
                "environment must be one of the configured KSeF environments");
        require(r.providerNip() != null && Nip.isValid(r.providerNip()), "providerNip is not a valid NIP");
        require(r.description() == null || r.description().length() <= 256, "description must be at most 256 characters");
        checkSecret(r.credentialType(), r.secret());
    }

    /** An integration that references a provider credential brings no secret of its own. */
    static void checkReferencing(Registration r, Predicate<String> knownEnvironment) {
        require(r.tenantId() != null && !r.tenantId().isBlank(), "tenantId is required");
        require(r.environment() != null && knownEnvironment.test(r.environment()),
                "environment must be one of the configured KSeF environments");
        require(r.taxpayerNip() != null && Nip.isValid(r.taxpayerNip()), "taxpayerNip is not a valid NIP");
        require(r.scopes() != null && !r.scopes().isEmpty(), "scopes must name at least one KSeF permission");
        require(KSEF_SCOPES.containsAll(r.scopes()), "scopes must be among " + KSEF_SCOPES);
        require(r.secret() == null && r.credentialType() == null,
                "give either credential or providerCredentialId, not both");
    }

    static void checkSecret(CredentialType type, String secret) {
        require(type != null, "credential.type must be KSEF_TOKEN or CERTIFICATE");
        if (type == CredentialType.CERTIFICATE) {
            CertificateBundle.validate(secret);
        } else {
            require(secret != null && secret.indexOf('|') > 0, "ksefToken must be a KSeF token (reference|...)");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequest(message);
        }
    }
}
