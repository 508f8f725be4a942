package dev.ksefplatform.ksef.client.query;

import dev.ksefplatform.ksef.client.ExportPackage;
import dev.ksefplatform.ksef.client.ExportStatus;
import dev.ksefplatform.ksef.client.InvoiceExport;
import dev.ksefplatform.ksef.client.InvoiceQuery;
import dev.ksefplatform.ksef.client.KsefInvoiceExports;
import dev.ksefplatform.ksef.client.crypto.KeyUsage;
import dev.ksefplatform.ksef.client.crypto.KsefCrypto;
import dev.ksefplatform.ksef.client.crypto.PublicKeyDirectory;
import dev.ksefplatform.ksef.client.crypto.SessionKey;
import dev.ksefplatform.ksef.client.error.KsefExportFailedException;
import dev.ksefplatform.ksef.client.http.KsefCall;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.PathSegment;
import dev.ksefplatform.ksef.client.io.TempFiles;
import dev.ksefplatform.ksef.client.poll.Poller;
import dev.ksefplatform.ksef.client.query.ExportDtos.Encryption;
import dev.ksefplatform.ksef.client.query.ExportDtos.ExportRequest;
import dev.ksefplatform.ksef.client.query.ExportDtos.Started;
import dev.ksefplatform.ksef.client.query.ExportDtos.Status;
import java.nio.file.Path;
import java.time.Duration;

/** Invoice exports over HTTP; packages are decrypted into temporary files, never into the heap as a whole. */
public final class HttpKsefInvoiceExports implements KsefInvoiceExports {

    private final KsefHttp http;
    private final PublicKeyDirectory publicKeys;
    private final Poller poller;
    private final Path tempDirectory;

    public HttpKsefInvoiceExports(KsefHttp http, PublicKeyDirectory publicKeys, Poller poller, Path tempDirectory) {
        this.http = http;
        this.publicKeys = publicKeys;
        this.poller = poller;
        this.tempDirectory = tempDirectory;
    }

    @Override
    public InvoiceExport start(String accessToken, InvoiceQuery query, boolean onlyMetadata) {
        SessionKey key = SessionKey.random();
        Started started = publicKeys.withKey(KeyUsage.SymmetricKeyEncryption, publicKey -> {
            Encryption encryption = new Encryption(KsefCrypto.base64(key.wrapWith(publicKey)),
                    KsefCrypto.base64(key.iv()), publicKey.publicKeyId());
            return http.call(KsefCall.post("/invoices/exports", new ExportRequest(encryption,
                    HttpKsefInvoiceQueries.filters(query), onlyMetadata ? Boolean.TRUE : null), Started.class)
                    .bearer(accessToken));
        });
        return new InvoiceExport(started.referenceNumber(), key);
    }

    @Override
    public ExportStatus status(String accessToken, InvoiceExport export) {
        return http.call(KsefCall.get("/invoices/exports/" + PathSegment.of(export.referenceNumber()), Status.class)
                .bearer(accessToken)).toStatus();
    }

    @Override
    public ExportStatus awaitCompleted(String accessToken, InvoiceExport export, Duration timeout) {
        ExportStatus status = poller.poll(() -> status(accessToken, export), ExportStatus::isFinal, timeout);
        if (status.code() != ExportStatus.SUCCESS) {
            throw new KsefExportFailedException(status.code(), status.isFinal() ? status.description()
                    : "still in progress after " + timeout);
        }
        return status;
    }

    @Override
    public ExportPackage download(InvoiceExport export, ExportStatus completed) {
        Path zip = TempFiles.create(tempDirectory, ".zip");
        try {
            new ExportPartDownloads(http, tempDirectory).downloadInto(zip, completed.parts(), export.key());
            return ZipExportPackage.open(zip, completed);
        } catch (RuntimeException e) {
            TempFiles.delete(zip);
            throw e;
        }
    }
}
