package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.simulator.auth.CertificateSubjects.Subject;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.shared.StatusInfo;
import java.util.List;

/**
 * Who a verified XAdES login is and what it may do in the context ({@link SubjectPermissions}) — with nothing held
 * the login ends with status 415. The simulator trusts no CA, so a login that asks for chain verification ends with
 * status 460.
 */
final class XadesLogins {

    private final XadesVerifier verifier;
    private final SubjectPermissions grants;

    XadesLogins(XadesVerifier verifier, SubjectPermissions grants) {
        this.verifier = verifier;
        this.grants = grants;
    }

    record Outcome(Subject subject, List<String> permissions, StatusInfo status) {
    }

    SignedAuthRequest verify(byte[] xml) {
        return verifier.verify(xml);
    }

    Outcome decide(SignedAuthRequest request, boolean verifyCertificateChain) {
        Subject subject = subject(request);
        if (verifyCertificateChain) {
            return new Outcome(subject, List.of(), StatusInfo.of(460,
                    "Uwierzytelnianie zakończone niepowodzeniem z powodu błędu certyfikatu",
                    "Nie można zbudować zaufanego łańcucha certyfikatu."));
        }
        if (!"Nip".equals(request.contextType())) {
            return denied(subject);
        }
        List<String> permissions = grants.of(request.contextValue(), subject.type(), subject.value());
        return permissions.isEmpty() ? denied(subject)
                : new Outcome(subject, permissions, StatusInfo.of(200, "Uwierzytelnianie zakończone sukcesem"));
    }

    private static Subject subject(SignedAuthRequest request) {
        return switch (request.subjectIdentifierType()) {
            case "certificateSubject" -> CertificateSubjects.named(request.certificate()).orElseThrow(() ->
                    new KsefException(21115, "Nieprawidłowy certyfikat.",
                            "Certyfikat nie zawiera identyfikatora NIP ani PESEL."));
            case "certificateFingerprint" -> CertificateSubjects.fingerprint(request.certificate());
            default -> throw new KsefException(21401, "Dokument nie jest zgodny ze schemą (xsd).",
                    "SubjectIdentifierType: dozwolone certificateSubject lub certificateFingerprint.");
        };
    }

    private static Outcome denied(Subject subject) {
        return new Outcome(subject, List.of(),
                StatusInfo.of(415, "Uwierzytelnianie zakończone niepowodzeniem", "Brak przypisanych uprawnień"));
    }
}
