package dev.ksefplatform.ksef.client.session;

import dev.ksefplatform.ksef.client.KsefSessionInvoices;
import dev.ksefplatform.ksef.client.SessionInvoice;
import dev.ksefplatform.ksef.client.SessionInvoicePage;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.session.SessionDtos.InvoiceDto;
import dev.ksefplatform.ksef.client.session.SessionDtos.InvoicesDto;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Session invoice listings (continuation tokens) and UPO downloads over HTTP. */
public final class HttpKsefSessionInvoices implements KsefSessionInvoices {

    static final int PAGE_SIZE = 1000;
    /** A session holds at most 10,000 invoices: ten full pages, and perhaps an empty one after a last token. */
    static final int MAX_PAGES = 11;

    private final KsefHttp http;

    public HttpKsefSessionInvoices(KsefHttp http) {
        this.http = http;
    }

    @Override
    public SessionInvoicePage page(String accessToken, String sessionReferenceNumber, String continuationToken) {
        return fetch(accessToken, "/sessions/" + PathSegment.of(sessionReferenceNumber) + "/invoices", continuationToken);
    }

    @Override
    public SessionInvoicePage failedPage(String accessToken, String sessionReferenceNumber, String continuationToken) {
        return fetch(accessToken, "/sessions/" + PathSegment.of(sessionReferenceNumber) + "/invoices/failed",
                continuationToken);
    }

    @Override
    public List<SessionInvoice> failed(String accessToken, String sessionReferenceNumber) {
        return allPages(accessToken, "/sessions/" + PathSegment.of(sessionReferenceNumber) + "/invoices/failed");
    }

    @Override
    public List<SessionInvoice> all(String accessToken, String sessionReferenceNumber) {
        return allPages(accessToken, "/sessions/" + PathSegment.of(sessionReferenceNumber) + "/invoices");
    }

    @Override
    public byte[] downloadUpo(String downloadUrl) {
        HttpResponse<byte[]> response = http.download(URI.create(downloadUrl));
        // the spec's upoDownloadUrl: "the HTTP response contains additional headers: x-ms-meta-hash"; without it
        // nothing proves the bytes are the UPO KSeF stored, so the answer is refused like a mismatch (try again later)
        String declared = response.headers().firstValue("x-ms-meta-hash").orElseThrow(() ->
                new KsefUnexpectedResponseException(response.statusCode(), "UPO answer without x-ms-meta-hash", null));
        if (!declared.equals(KsefCrypto.sha256Base64(response.body()))) {
            throw new KsefUnexpectedResponseException(response.statusCode(), "UPO bytes do not match x-ms-meta-hash", null);
        }
        return response.body();
    }

    /**
     * Every page, or an exception: a list cut short would read as "not in the session" to a caller deciding whether an
     * invoice arrived, so a list that does not end within a session's size, or repeats a token, is refused.
     */
    private List<SessionInvoice> allPages(String accessToken, String path) {
        List<SessionInvoice> all = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        SessionInvoicePage page = fetch(accessToken, path, null);
        all.addAll(page.invoices());
        for (int pages = 1; !page.isLast(); pages++) {
            if (pages >= MAX_PAGES || !tokens.add(page.continuationToken())) {
                throw new KsefUnexpectedResponseException(200, "session invoice list does not end after " + pages
                        + " pages", null);
            }
            page = fetch(accessToken, path, page.continuationToken());
            all.addAll(page.invoices());
        }
        return List.copyOf(all);
    }

    private SessionInvoicePage fetch(String accessToken, String path, String continuationToken) {
        InvoicesDto dto = http.call(KsefCall.get(path + "?pageSize=" + PAGE_SIZE, InvoicesDto.class)
                .bearer(accessToken).header("x-continuation-token", continuationToken));
        List<SessionInvoice> invoices = dto.invoices() == null ? List.of()
                : dto.invoices().stream().map(InvoiceDto::toSessionInvoice).toList();
        return new SessionInvoicePage(invoices, dto.continuationToken());
    }
}
