package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.keys.KeyUsage;
import dev.ksefplatform.simulator.session.SessionRequests.OpenOnlineSessionRequest;
import dev.ksefplatform.simulator.session.SessionRequests.SendInvoiceRequest;
import dev.ksefplatform.simulator.shared.Crypto;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.shared.Workers;
import dev.ksefplatform.simulator.stats.SimulatorStats;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opens online sessions, takes invoices into them and closes them. */
final class OnlineSessions {

    static final Duration LIFETIME = Duration.ofHours(12);

    private final KeyRing keys;
    private final InvoiceProcessor processor;
    private final Workers workers;
    private final SimulatorStats stats;
    private final ReferenceNumbers references;
    private final Clock clock;
    private final Map<String, OnlineSession> sessions = new ConcurrentHashMap<>();

    OnlineSessions(KeyRing keys, InvoiceProcessor processor, Workers workers, SimulatorStats stats,
                   ReferenceNumbers references, Clock clock) {
        this.keys = keys;
        this.processor = processor;
        this.workers = workers;
        this.stats = stats;
        this.references = references;
        this.clock = clock;
    }

    OnlineSession open(Caller caller, OpenOnlineSessionRequest request) {
        request.validate();
        byte[] key = unwrap(request.encryption().publicKeyId(), request.encryptedKey());
        Instant now = clock.instant();
        OnlineSession session = new OnlineSession(references.next("SO"), caller, now, now.plus(LIFETIME), key,
                request.iv(), workers.lane());
        sessions.put(session.referenceNumber(), session);
        return session;
    }

    String send(Caller caller, String sessionReference, SendInvoiceRequest request) {
        OnlineSession session = findOnline(caller, sessionReference);
        byte[] encrypted = request.validatedContent();
        Instant now = clock.instant();
        SessionInvoice invoice = session.add(now, ordinal -> receive(session, ordinal, request, encrypted, now));
        stats.received(session.contextNip(), invoice.invoiceHash());
        if (!invoice.state().status().done()) {
            processor.submit(session, invoice);
        }
        return invoice.referenceNumber();
    }

    void close(Caller caller, String sessionReference) {
        findOnline(caller, sessionReference).close(clock.instant());
    }

    /** A lane of its own for a session opened elsewhere (a batch session). */
    Workers workers() {
        return workers;
    }

    /** Registers a session opened elsewhere (a batch session), so status and UPO reads find it. */
    void register(OnlineSession session) {
        sessions.put(session.referenceNumber(), session);
    }

    private OnlineSession findOnline(Caller caller, String sessionReference) {
        OnlineSession session = find(caller, sessionReference);
        if (session.batch() != null) {
            throw KsefException.noSession(sessionReference);
        }
        return session;
    }

    OnlineSession find(Caller caller, String sessionReference) {
        OnlineSession session = sessions.get(sessionReference);
        if (session == null || !session.contextNip().equals(caller.contextNip())) {
            throw KsefException.noSession(sessionReference);
        }
        return session;
    }

    private SessionInvoice receive(OnlineSession session, int ordinal, SendInvoiceRequest request, byte[] encrypted,
                                   Instant now) {
        checkFile(encrypted, request.encryptedInvoiceSize(), request.encryptedInvoiceHash());
        String reference = references.next("EE");
        byte[] plain;
        try {
            plain = Crypto.aesCbcDecrypt(session.key(), session.iv(), encrypted);
        } catch (GeneralSecurityException e) {
            SessionInvoice broken = new SessionInvoice(ordinal, reference, request.invoiceHash(), now,
                    request.offline(), null);
            broken.moveTo(new InvoiceState(StatusInfo.of(435, "Błąd odszyfrowania pliku"), null, null, null));
            return broken;
        }
        checkFile(plain, request.invoiceSize(), request.invoiceHash());
        return new SessionInvoice(ordinal, reference, request.invoiceHash(), now, request.offline(), plain);
    }

    private static void checkFile(byte[] content, long declaredSize, String declaredHash) {
        if (content.length != declaredSize) {
            throw new KsefException(21402, "Nieprawidłowy rozmiar pliku.",
                    "Długość treści nie zgadza się z rozmiarem pliku.");
        }
        if (!MessageDigest.isEqual(Crypto.sha256(content), Base64.getDecoder().decode(declaredHash))) {
            throw new KsefException(21403, "Nieprawidłowy skrót pliku.", "Skrót treści nie zgadza się ze skrótem pliku.");
        }
    }

    /** A key that cannot be unwrapped does not fail the call: the session reports status 415. */
    byte[] unwrap(String publicKeyId, byte[] encryptedKey) {
        try {
            byte[] key = keys.decrypt(KeyUsage.SymmetricKeyEncryption, publicKeyId, encryptedKey);
            return key.length == 32 ? key : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
