package dev.ksefplatform.simulator.fault;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.error.SimRequestInvalid;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.keys.KeyUsage;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Simulator-only: {@code /sim/v1/faults} sets, shows and clears fault injection. */
@RestController
public class FaultController {

    private final FaultInjector injector;
    private final KeyRing keys;
    private final BearerTokens bearer;

    public FaultController(FaultInjector injector, KeyRing keys, BearerTokens bearer) {
        this.injector = injector;
        this.keys = keys;
        this.bearer = bearer;
    }

    @PostMapping("/sim/v1/faults")
    public Faults set(@RequestBody Faults faults) {
        if (outside(faults.errorRate()) || outside(faults.htmlRate()) || outside(faults.throttleRate())) {
            throw new SimRequestInvalid("errorRate, htmlRate and throttleRate must be within 0..1");
        }
        if (faults.retryAfterSeconds() < 1) {
            throw new SimRequestInvalid("retryAfterSeconds must be at least 1");
        }
        if (faults.errorStatus() < 500 || faults.errorStatus() > 599) {
            throw new SimRequestInvalid("errorStatus must be a 5xx status");
        }
        if (faults.rotatePublicKeys()) {
            Arrays.stream(KeyUsage.values()).forEach(keys::rotate);
        }
        if (faults.expireTokens()) {
            bearer.expireAccessTokensIssuedSoFar();
        }
        injector.set(faults);
        return injector.current();
    }

    private static boolean outside(double share) {
        return share < 0 || share > 1;
    }

    @GetMapping("/sim/v1/faults")
    public Faults current() {
        return injector.current();
    }

    @DeleteMapping("/sim/v1/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void clear() {
        injector.set(Faults.NONE);
    }
}
