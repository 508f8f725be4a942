package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefOnlineSessions;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.ksef.client.UpoPage;
import dev.ksefplatform.ksef.client.crypto.KeyUsage;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.crypto.PublicKeyDirectory;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.poll.Poller;
import dev.ksefplatform.ksef.client.session.SessionDtos.Encryption;
import dev.ksefplatform.ksef.client.session.SessionDtos.OpenOnlineSession;
import dev.ksefplatform.ksef.client.session.SessionDtos.Opened;
import dev.ksefplatform.ksef.client.session.SessionDtos.Session;
import dev.ksefplatform.ksef.client.session.SessionDtos.InvoiceDto;
import java.time.Duration;
import java.util.List;

/** Online sessions over HTTP. */
public final class HttpKsefOnlineSessions implements KsefOnlineSessions {

    private final KsefHttp http;
    private final PublicKeyDirectory publicKeys;
    private final Poller poller;

    public HttpKsefOnlineSessions(KsefHttp http, PublicKeyDirectory publicKeys, Poller poller) {
        this.http = http;
        this.publicKeys = publicKeys;
        this.poller = poller;
    }

    @Override
    public OnlineSession open(String accessToken, FormCode formCode) {
        SessionKey key = SessionKey.random();
        Opened opened = publicKeys.withKey(KeyUsage.SymmetricKeyEncryption, publicKey -> {
            Encryption encryption = new Encryption(KsefCrypto.base64(key.wrapWith(publicKey)),
                    KsefCrypto.base64(key.iv()), publicKey.publicKeyId());
            return http.call(KsefCall.post("/sessions/online", new OpenOnlineSession(formCode, encryption), Opened.class)
                    .bearer(accessToken));
        });
        return new HttpOnlineSession(http, accessToken, key, opened.referenceNumber(), opened.validUntil());
    }

    @Override
    public InvoiceStatus invoiceStatus(String accessToken, String sessionReferenceNumber, String invoiceReferenceNumber) {
        InvoiceDto invoice = http.call(KsefCall.get("/sessions/" + PathSegment.of(sessionReferenceNumber) + "/invoices/"
                + PathSegment.of(invoiceReferenceNumber), InvoiceDto.class).bearer(accessToken));
        return invoice.toStatus();
    }

    @Override
    public InvoiceStatus awaitInvoiceStatus(String accessToken, String sessionReferenceNumber,
                                            String invoiceReferenceNumber, Duration timeout) {
        return poller.poll(() -> invoiceStatus(accessToken, sessionReferenceNumber, invoiceReferenceNumber),
                InvoiceStatus::isFinal, timeout);
    }

    @Override
    public void close(String accessToken, String sessionReferenceNumber) {
        http.call(KsefCall.post("/sessions/online/" + PathSegment.of(sessionReferenceNumber) + "/close", null,
                Void.class).bearer(accessToken));
    }

    @Override
    public SessionStatus sessionStatus(String accessToken, String sessionReferenceNumber) {
        Session s = http.call(KsefCall.get("/sessions/" + PathSegment.of(sessionReferenceNumber), Session.class)
                .bearer(accessToken));
        List<UpoPage> pages = s.upo() == null || s.upo().pages() == null ? List.of() : s.upo().pages().stream()
                .map(p -> new UpoPage(p.referenceNumber(), p.downloadUrl(), p.downloadUrlExpirationDate())).toList();
        return new SessionStatus(s.status().code(), s.status().description(), s.invoiceCount(),
                s.successfulInvoiceCount(), s.failedInvoiceCount(), pages);
    }
}
