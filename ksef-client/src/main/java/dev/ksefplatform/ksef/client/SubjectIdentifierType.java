package dev.ksefplatform.ksef.client;

/** How KSeF identifies the signer of an XAdES login ({@code SubjectIdentifierType} of {@code AuthTokenRequest}). */
public enum SubjectIdentifierType {

    /** NIP or PESEL taken from the certificate's serialNumber (2.5.4.5) or organizationIdentifier (2.5.4.97). */
    CERTIFICATE_SUBJECT("certificateSubject"),
    /** The SHA-256 fingerprint of the certificate, which must have been granted permissions. */
    CERTIFICATE_FINGERPRINT("certificateFingerprint");

    private final String wireName;

    SubjectIdentifierType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
