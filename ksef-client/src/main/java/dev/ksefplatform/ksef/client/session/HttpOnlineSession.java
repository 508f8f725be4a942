package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.session.SessionDtos.SendInvoice;
import dev.ksefplatform.ksef.client.session.SessionDtos.Sent;
import java.time.Instant;
import java.util.Objects;

/** An open online session; it keeps the access token and session key in memory only. */
final class HttpOnlineSession implements OnlineSession {

    private final KsefHttp http;
    private final String accessToken;
    private final SessionKey key;
    private final String referenceNumber;
    private final Instant validUntil;
    private boolean closed;

    HttpOnlineSession(KsefHttp http, String accessToken, SessionKey key, String referenceNumber, Instant validUntil) {
        this.http = http;
        this.accessToken = accessToken;
        this.key = key;
        this.referenceNumber = referenceNumber;
        this.validUntil = validUntil;
    }

    @Override
    public String referenceNumber() {
        return referenceNumber;
    }

    @Override
    public Instant validUntil() {
        return validUntil;
    }

    @Override
    public SentInvoice send(byte[] invoiceXml) {
        return send(invoiceXml, false);
    }

    @Override
    public SentInvoice send(byte[] invoiceXml, boolean offlineMode) {
        return send(accessToken, invoiceXml, offlineMode);
    }

    @Override
    public SentInvoice send(String accessToken, byte[] invoiceXml, boolean offlineMode) {
        Objects.requireNonNull(invoiceXml, "invoiceXml");
        SendInvoice request = InvoiceEncryption.request(key, invoiceXml, offlineMode);
        Sent sent = http.call(KsefCall.post(path() + "/invoices", request, Sent.class).bearer(accessToken)
                .notIdempotent());
        return new SentInvoice(sent.referenceNumber(), request.invoiceHash(), invoiceXml.length);
    }

    @Override
    public void close() {
        close(accessToken);
    }

    @Override
    public synchronized void close(String accessToken) {
        if (!closed) {
            http.call(KsefCall.post(path() + "/close", null, Void.class).bearer(accessToken));
            closed = true;
        }
    }

    private String path() {
        return "/sessions/online/" + PathSegment.of(referenceNumber);
    }

    @Override
    public String toString() {
        return "OnlineSession[" + referenceNumber + ", validUntil=" + validUntil + "]";
    }
}
