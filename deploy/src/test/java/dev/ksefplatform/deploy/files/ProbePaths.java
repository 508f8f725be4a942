package dev.ksefplatform.deploy.files;

import java.util.Set;

/**
 * The health paths deployment files may probe: {@code ServicesAsProcessesIT} asserts each answers 200 on every
 * service started from its exec jar, {@code DeploymentFilesTest} that compose and Kubernetes probe nothing else.
 */
public final class ProbePaths {

    public static final String LIVENESS = "/actuator/health/liveness";
    public static final String READINESS = "/actuator/health/readiness";
    public static final String HEALTH = "/actuator/health";
    public static final Set<String> SERVICE = Set.of(LIVENESS, READINESS, HEALTH);
    /** The simulator has no probe groups; its plain health says the same. */
    public static final Set<String> SIMULATOR = Set.of(HEALTH);

    private ProbePaths() {
    }

    public static Set<String> of(String app) {
        return app.equals("ksef-simulator") ? SIMULATOR : SERVICE;
    }
}
