package dev.ksefplatform.simulator.auth;

import java.security.cert.X509Certificate;

/**
 * An {@code AuthTokenRequest} whose enveloped signature has been verified.
 *
 * @param subjectIdentifierType {@code certificateSubject} or {@code certificateFingerprint}
 * @param documentHash          SHA-256 (Base64) of the document as received
 */
record SignedAuthRequest(String challenge, String contextType, String contextValue, String subjectIdentifierType,
                         X509Certificate certificate, String documentHash) {
}
