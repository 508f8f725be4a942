package dev.ksefplatform.simulator.permission;

import dev.ksefplatform.simulator.error.KsefException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public TE helpers {@code POST /v2/testdata/person}, {@code /v2/testdata/permissions} and its {@code /revoke}. */
@RestController
@RequestMapping("/v2/testdata")
public class TestDataController {

    private static final Pattern NIP = Pattern.compile("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}");
    private static final Pattern PESEL = Pattern.compile(
            "\\d{2}(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|4[1-9]|5[0-2]|6[1-9]|7[0-2]|8[1-9]|9[0-2])\\d{7}");
    private static final Set<String> AUTHORIZED_TYPES = Set.of("Nip", "Pesel", "Fingerprint");
    private static final Set<String> PERMISSIONS = Set.of("InvoiceRead", "InvoiceWrite", "Introspection",
            "CredentialsRead", "CredentialsManage", "EnforcementOperations", "SubunitManage");

    private final TestDataRegistry registry;
    private final Clock clock;

    TestDataController(TestDataRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    record PersonCreateRequest(String nip, String pesel, Boolean isBailiff, String description, Boolean isDeceased,
                               Instant createdDate) {
    }

    record Identifier(String type, String value) {
    }

    record Permission(String description, String permissionType) {
    }

    record PermissionsGrantRequest(Identifier contextIdentifier, Identifier authorizedIdentifier,
                                   List<Permission> permissions) {
    }

    @PostMapping("/person")
    public void person(@RequestBody PersonCreateRequest request) {
        require(request.nip() != null && NIP.matcher(request.nip()).matches(), "nip: nieprawidłowy NIP.");
        require(request.pesel() != null && PESEL.matcher(request.pesel()).matches(), "pesel: nieprawidłowy PESEL.");
        require(request.isBailiff() != null && request.description() != null, "isBailiff, description: pola wymagane.");
        registry.addPerson(request.nip(), request.pesel());
    }

    @PostMapping("/permissions")
    public void permissions(@RequestBody PermissionsGrantRequest request) {
        Identifier context = request.contextIdentifier();
        Identifier holder = request.authorizedIdentifier();
        require(context != null && "Nip".equals(context.type()) && context.value() != null
                && NIP.matcher(context.value()).matches(), "contextIdentifier: wymagany NIP.");
        require(holder != null && AUTHORIZED_TYPES.contains(holder.type()) && holder.value() != null,
                "authorizedIdentifier: nieprawidłowy identyfikator.");
        require(request.permissions() != null && !request.permissions().isEmpty()
                && request.permissions().stream().allMatch(p -> PERMISSIONS.contains(p.permissionType())
                        && p.description() != null), "permissions: nieprawidłowa lista uprawnień.");
        Instant now = clock.instant();
        registry.addGrants(request.permissions().stream().map(p -> new Grant(context.value(), holder.type(),
                holder.value(), p.permissionType(), p.description(), now)).toList());
    }

    record PermissionsRevokeRequest(Identifier contextIdentifier, Identifier authorizedIdentifier) {
    }

    /** Every grant to the identifier in the context goes; logins and calls see it at once. */
    @PostMapping("/permissions/revoke")
    public void revokePermissions(@RequestBody PermissionsRevokeRequest request) {
        Identifier context = request.contextIdentifier();
        Identifier holder = request.authorizedIdentifier();
        require(context != null && "Nip".equals(context.type()) && context.value() != null
                && NIP.matcher(context.value()).matches(), "contextIdentifier: wymagany NIP.");
        require(holder != null && AUTHORIZED_TYPES.contains(holder.type()) && holder.value() != null,
                "authorizedIdentifier: nieprawidłowy identyfikator.");
        registry.revokeAll(context.value(), holder.type(), holder.value());
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw KsefException.validation(detail);
        }
    }
}
