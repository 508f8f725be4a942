package dev.ksefplatform.ksef.client.query;

import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceMetadata;
import dev.ksefplatform.ksef.client.InvoiceMetadataPage;
import dev.ksefplatform.ksef.client.InvoiceQuery;
import dev.ksefplatform.ksef.client.KsefInvoiceQueries;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code POST /invoices/query/metadata} and {@code GET /invoices/ksef/{ksefNumber}} over HTTP. */
public final class HttpKsefInvoiceQueries implements KsefInvoiceQueries {

    record Filters(String subjectType, DateRange dateRange) {
    }

    record DateRange(String dateType, String from, String to, Boolean restrictToPermanentStorageHwmDate) {
    }

    record Party(String nip, String name, Identifier identifier) {
    }

    record Identifier(String type, String value) {
    }

    record Metadata(String ksefNumber, String invoiceNumber, String issueDate, Instant invoicingDate,
                    Instant acquisitionDate, Instant permanentStorageDate, Party seller, Party buyer,
                    BigDecimal netAmount, BigDecimal grossAmount, BigDecimal vatAmount, String currency,
                    String invoicingMode, String invoiceType, FormCode formCode, boolean isSelfInvoicing,
                    boolean hasAttachment, String invoiceHash) {
    }

    record Page(List<Metadata> invoices, boolean hasMore, boolean isTruncated, Instant permanentStorageHwmDate) {
    }

    private final KsefHttp http;

    public HttpKsefInvoiceQueries(KsefHttp http) {
        this.http = http;
    }

    @Override
    public InvoiceMetadataPage metadata(String accessToken, InvoiceQuery query, int pageOffset, int pageSize) {
        Page page = http.call(KsefCall.post("/invoices/query/metadata?pageOffset=" + pageOffset
                + "&pageSize=" + pageSize, filters(query), Page.class).bearer(accessToken));
        List<InvoiceMetadata> invoices = page.invoices() == null ? List.of()
                : page.invoices().stream().map(HttpKsefInvoiceQueries::toMetadata).toList();
        return new InvoiceMetadataPage(invoices, page.hasMore(), page.isTruncated(), page.permanentStorageHwmDate());
    }

    @Override
    public byte[] invoice(String accessToken, String ksefNumber) {
        HttpResponse<byte[]> response = http.exchange(KsefCall.get("/invoices/ksef/" + PathSegment.of(ksefNumber),
                byte[].class).bearer(accessToken).header("Accept", "application/xml"));
        Optional<String> declared = response.headers().firstValue("x-ms-meta-hash");
        if (declared.isPresent() && !declared.get().equals(KsefCrypto.sha256Base64(response.body()))) {
            throw new KsefUnexpectedResponseException(response.statusCode(),
                    "invoice bytes do not match x-ms-meta-hash", null);
        }
        return response.body();
    }

    static Filters filters(InvoiceQuery q) {
        return new Filters(q.subjectType().name(), new DateRange(q.dateType().name(), q.from().toString(),
                q.to() == null ? null : q.to().toString(), q.restrictToPermanentStorageHwmDate() ? Boolean.TRUE : null));
    }

    static InvoiceMetadata toMetadata(Metadata m) {
        Party seller = m.seller() == null ? new Party(null, null, null) : m.seller();
        Identifier buyer = m.buyer() == null || m.buyer().identifier() == null ? new Identifier(null, null)
                : m.buyer().identifier();
        return new InvoiceMetadata(m.ksefNumber(), m.invoiceNumber(),
                m.issueDate() == null ? null : LocalDate.parse(m.issueDate()), m.invoicingDate(), m.acquisitionDate(),
                m.permanentStorageDate(), seller.nip(), seller.name(), buyer.type(), buyer.value(), m.netAmount(),
                m.grossAmount(), m.vatAmount(), m.currency(), m.invoicingMode(), m.invoiceType(), m.formCode(),
                m.isSelfInvoicing(), m.hasAttachment(), m.invoiceHash());
    }
}
