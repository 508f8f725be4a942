package dev.ksefplatform.ksef.client.query;

import dev.ksefplatform.ksef.client.ExportPackage;
import dev.ksefplatform.ksef.client.ExportStatus;
import dev.ksefplatform.ksef.client.InvoiceMetadata;
import dev.ksefplatform.ksef.client.InvoiceSink;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import dev.ksefplatform.ksef.client.http.Json;
import dev.ksefplatform.ksef.client.io.TempFiles;
import dev.ksefplatform.ksef.client.query.ExportDtos.MetadataFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** An export package ZIP on disk: {@code _metadata.json} read at open, {@code {ksefNumber}.xml} read on demand. */
final class ZipExportPackage implements ExportPackage {

    static final String METADATA = "_metadata.json";

    private final Path file;
    private final ZipFile zip;
    private final ExportStatus status;
    private final List<InvoiceMetadata> metadata;

    private ZipExportPackage(Path file, ZipFile zip, ExportStatus status, List<InvoiceMetadata> metadata) {
        this.file = file;
        this.zip = zip;
        this.status = status;
        this.metadata = metadata;
    }

    /** An empty package (no parts) has no ZIP at all. */
    static ZipExportPackage open(Path file, ExportStatus status) {
        try {
            if (Files.size(file) == 0) {
                return new ZipExportPackage(file, null, status, List.of());
            }
            ZipFile zip = new ZipFile(file.toFile());
            try {
                return new ZipExportPackage(file, zip, status, readMetadata(zip));
            } catch (RuntimeException e) {
                zip.close();
                throw e;
            }
        } catch (IOException e) {
            throw new KsefUnexpectedResponseException(200, "the export package is not a readable ZIP", e);
        }
    }

    private static List<InvoiceMetadata> readMetadata(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(METADATA);
        if (entry == null) {
            return List.of();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            MetadataFile parsed = Json.MAPPER.readValue(in, MetadataFile.class);
            return parsed.invoices() == null ? List.of()
                    : parsed.invoices().stream().map(HttpKsefInvoiceQueries::toMetadata).toList();
        }
    }

    @Override
    public ExportStatus status() {
        return status;
    }

    @Override
    public List<InvoiceMetadata> metadata() {
        return metadata;
    }

    @Override
    public Optional<byte[]> invoiceXml(String ksefNumber) {
        ZipEntry entry = zip == null ? null : zip.getEntry(ksefNumber + ".xml");
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.getName() + " from the export package", e);
        }
    }

    @Override
    public void forEachInvoice(InvoiceSink sink) {
        for (InvoiceMetadata invoice : metadata) {
            sink.accept(invoice, invoiceXml(invoice.ksefNumber()).orElse(null));
        }
    }

    @Override
    public void close() {
        try {
            if (zip != null) {
                zip.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the export package", e);
        } finally {
            TempFiles.delete(file);
        }
    }
}
