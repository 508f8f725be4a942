package dev.ksefplatform.simulator.tokens;

import dev.ksefplatform.simulator.error.SimRequestInvalid;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Simulator-only seeding: stands in for "XAdES login + POST /tokens". */
@RestController
public class SimTokenController {

    private static final Pattern NIP = Pattern.compile("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}");
    private static final Set<String> PERMISSIONS = Set.of("InvoiceRead", "InvoiceWrite", "CredentialsRead",
            "CredentialsManage", "SubunitManage", "EnforcementOperations", "Introspection");

    private final KsefTokens tokens;

    public SimTokenController(KsefTokens tokens) {
        this.tokens = tokens;
    }

    record GenerateRequest(String contextNip, List<String> permissions, String description) {
    }

    record GenerateResponse(String referenceNumber, String token) {
    }

    @PostMapping("/sim/v1/ksef-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    public GenerateResponse generate(@RequestBody GenerateRequest request) {
        if (request.contextNip() == null || !NIP.matcher(request.contextNip()).matches()) {
            throw new SimRequestInvalid("contextNip must be a NIP");
        }
        if (request.permissions() == null || request.permissions().isEmpty()
                || !PERMISSIONS.containsAll(request.permissions())) {
            throw new SimRequestInvalid("permissions must be a non-empty subset of " + PERMISSIONS);
        }
        String description = request.description() == null ? "ksef-simulator token" : request.description();
        KsefToken token = tokens.generate(request.contextNip(), request.permissions(), description);
        return new GenerateResponse(token.referenceNumber(), token.secret());
    }
}
