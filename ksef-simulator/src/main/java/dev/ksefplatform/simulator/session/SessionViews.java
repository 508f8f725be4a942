package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.upo.UpoStorage;
import dev.ksefplatform.simulator.upo.UpoWriter;
import dev.ksefplatform.simulator.error.KsefException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Builds the status responses, with fresh pre-signed UPO links on every read (as KSeF does). */
final class SessionViews {

    private final UpoStorage storage;
    private final UpoWriter writer;
    private final ReferenceNumbers references;
    private final Clock clock;

    SessionViews(UpoStorage storage, UpoWriter writer, ReferenceNumbers references, Clock clock) {
        this.storage = storage;
        this.writer = writer;
        this.references = references;
        this.clock = clock;
    }

    record UpoPage(String referenceNumber, String downloadUrl, Instant downloadUrlExpirationDate) {
    }

    record Upo(List<UpoPage> pages) {
    }

    record SessionStatusResponse(StatusInfo status, Instant dateCreated, Instant dateUpdated, Instant validUntil,
                                 Upo upo, Integer invoiceCount, Integer successfulInvoiceCount,
                                 Integer failedInvoiceCount) {
    }

    record SessionInvoiceStatusResponse(int ordinalNumber, String invoiceNumber, String ksefNumber,
                                        String referenceNumber, String invoiceHash, Instant acquisitionDate,
                                        Instant invoicingDate, Instant permanentStorageDate, String upoDownloadUrl,
                                        Instant upoDownloadUrlExpirationDate, String invoicingMode,
                                        StatusInfo status, String invoiceFileName) {
    }

    SessionStatusResponse session(OnlineSession session, String baseUrl) {
        StatusInfo status = session.status(clock.instant());
        Upo upo = status.code() == 200 ? new Upo(List.of(sessionUpo(session, baseUrl))) : null;
        return new SessionStatusResponse(status, session.dateCreated(), session.dateUpdated(), session.validUntil(),
                upo, session.invoiceCount(), session.successfulCount(), session.failedCount());
    }

    SessionInvoiceStatusResponse invoice(OnlineSession session, SessionInvoice invoice, String baseUrl) {
        InvoiceState state = invoice.state();
        AcceptedInvoice accepted = state.accepted();
        UpoStorage.Link link = accepted == null ? null : storage.link(baseUrl,
                InvoiceProcessor.invoiceUpoName(session.referenceNumber(), accepted.ksefNumber()));
        return new SessionInvoiceStatusResponse(invoice.ordinalNumber(), state.invoiceNumber(),
                accepted == null ? null : accepted.ksefNumber(), invoice.referenceNumber(), invoice.invoiceHash(),
                accepted == null ? null : accepted.acquisitionDate(), invoice.invoicingDate(),
                accepted == null ? null : accepted.permanentStorageDate(), link == null ? null : link.url(),
                link == null ? null : link.expiresAt(), state.invoicingMode(), state.status(), invoice.invoiceFileName());
    }

    record SessionInvoicesResponse(String continuationToken, List<SessionInvoiceStatusResponse> invoices) {
    }

    /** One page; the continuation token is the Base64 of the next ordinal number (21418 when malformed). */
    SessionInvoicesResponse page(OnlineSession session, Predicate<SessionInvoice> filter, String continuationToken,
                                 int pageSize, String baseUrl) {
        if (pageSize < 10 || pageSize > 1000) {
            throw KsefException.validation("pageSize: wymagana wartość z zakresu 10-1000.");
        }
        List<SessionInvoice> matching = session.invoices(startOf(continuationToken), filter, pageSize + 1);
        String next = matching.size() > pageSize
                ? Base64.getEncoder().encodeToString(Integer.toString(matching.get(pageSize).ordinalNumber())
                        .getBytes(StandardCharsets.US_ASCII))
                : null;
        return new SessionInvoicesResponse(next, matching.stream().limit(pageSize)
                .map(i -> invoice(session, i, baseUrl)).toList());
    }

    private static int startOf(String continuationToken) {
        if (continuationToken == null || continuationToken.isEmpty()) {
            return 1;
        }
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(continuationToken), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new KsefException(21418, "Przekazany token kontynuacji ma nieprawidłowy format.",
                    "Nieprawidłowy token kontynuacji.");
        }
    }

    static String sessionUpoName(String sessionReference, String upoReference) {
        return sessionReference + "/" + upoReference + ".xml";
    }

    private UpoPage sessionUpo(OnlineSession session, String baseUrl) {
        String upoReference = session.upoReference(() -> {
            String reference = references.next("EU");
            List<AcceptedInvoice> accepted = session.invoices().stream().map(i -> i.state().accepted())
                    .filter(Objects::nonNull).toList();
            UpoWriter.Sender sender = new UpoWriter.Sender(session.referenceNumber(), session.contextNip(),
                    session.opener().tokenReference(), session.opener().login().authDocumentHash());
            storage.put(sessionUpoName(session.referenceNumber(), reference), writer.sessionUpo(sender, accepted));
            return reference;
        });
        UpoStorage.Link link = storage.link(baseUrl, sessionUpoName(session.referenceNumber(), upoReference));
        return new UpoPage(upoReference, link.url(), link.expiresAt());
    }
}
