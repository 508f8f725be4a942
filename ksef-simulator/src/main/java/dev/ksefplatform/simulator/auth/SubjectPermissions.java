package dev.ksefplatform.simulator.auth;

import java.util.List;

/**
 * What a subject (Nip, Pesel or Fingerprint) may do in a NIP context right now: the owner (its NIP is the context)
 * everything, anyone else what was granted to it; in both cases less what the simulator was told to revoke.
 * Checked at login and on every call, so a revocation bites at once.
 */
public interface SubjectPermissions {

    /** Every permission the subject holds in the context (the owner: the owner's set). */
    List<String> of(String contextNip, String subjectType, String subjectValue);

    /** Which of {@code requested} the subject still holds in the context, in their order. */
    List<String> held(String contextNip, String subjectType, String subjectValue, List<String> requested);
}
