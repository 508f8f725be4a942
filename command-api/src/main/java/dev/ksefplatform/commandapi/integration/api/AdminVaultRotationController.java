package dev.ksefplatform.commandapi.integration.api;

import dev.ksefplatform.commandapi.integration.application.IntegrationRefused;
import dev.ksefplatform.commandapi.integration.application.KeyRotationView;
import dev.ksefplatform.commandapi.integration.application.VaultAdmin;
import dev.ksefplatform.commandapi.integration.domain.InvalidIntegration;
import dev.ksefplatform.commandapi.security.BearerCallers;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The vault's master-key rotation for operators: start one towards a target version, then follow its progress. */
@RestController
class AdminVaultRotationController {

    static final String PATH = "/admin/v1/vault/rotations";
    private static final Logger log = LoggerFactory.getLogger(AdminVaultRotationController.class);
    private static final Set<String> CALLERS = Set.of("admin", "console");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_VERSION = 1_000_000;

    private final BearerCallers callers;
    private final VaultAdmin vault;

    AdminVaultRotationController(BearerCallers callers, VaultAdmin vault) {
        this.callers = callers;
        this.vault = vault;
    }

    @PostMapping(PATH)
    @Operation(summary = "Start moving every secret envelope to master key targetVersion (the vault must hold it: "
            + "400 unknown-key-version otherwise; 409 key-rotation-running while one runs); 202 with its progress; "
            + "X-Operator-Id names the operator; admin or console bearer token")
    Mono<ResponseEntity<KeyRotationView>> start(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                                String authorization,
                                                @RequestHeader(name = OperatorParameters.OPERATOR_ID, required = false)
                                                String operatorId,
                                                @RequestBody(required = false) StartRotation body) {
        callers.requireAny(authorization, CALLERS);
        String operator = OperatorParameters.operator(operatorId);
        int target = target(body);
        return vault.startRotation(target, operator)
                .doOnNext(r -> log.info("master key rotation asked operatorId={} rotationId={} targetVersion={}",
                        operator, r.rotationId(), target))
                .map(r -> ResponseEntity.accepted().location(URI.create(PATH + "/" + r.rotationId())).body(r));
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "A rotation's progress: total, rewrapped, failed, status (RUNNING until it completes); "
            + "admin or console bearer token")
    Mono<KeyRotationView> progress(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                   String authorization, @PathVariable String id) {
        callers.requireAny(authorization, CALLERS);
        if (!UUID.matcher(id).matches()) {
            throw new IntegrationRefused(404, "key-rotation-not-found", "Key rotation not found",
                    "no master-key rotation has this id; start one with POST " + PATH);
        }
        return vault.rotation(id);
    }

    private static int target(StartRotation body) {
        if (body == null || body.targetVersion() == null || body.targetVersion() < 1
                || body.targetVersion() > MAX_VERSION) {
            throw new InvalidIntegration("targetVersion is required: the master-key version (1 or more) to move "
                    + "every secret envelope to");
        }
        return body.targetVersion();
    }

    record StartRotation(Integer targetVersion) {
    }
}
