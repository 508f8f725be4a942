package dev.ksefplatform.worker.submission.application;

/** The vault refused the lease for good (tenant violation, integration not active, scope not granted). */
public class CredentialLeaseDenied extends RuntimeException {

    public CredentialLeaseDenied(String reason) {
        super(reason);
    }
}
