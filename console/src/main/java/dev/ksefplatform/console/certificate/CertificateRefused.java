package dev.ksefplatform.console.certificate;

/** An uploaded PKCS#12 file was not sent on: the page says {@link #refusal()}. */
public final class CertificateRefused extends RuntimeException {

    private final transient CertificateRefusal refusal;

    CertificateRefused(CertificateRefusal refusal) {
        super(refusal.messageKey());
        this.refusal = refusal;
    }

    public CertificateRefusal refusal() {
        return refusal;
    }
}
