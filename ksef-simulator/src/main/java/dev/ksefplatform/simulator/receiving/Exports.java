package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.keys.KeyRing;
import dev.ksefplatform.simulator.keys.KeyUsage;
import dev.ksefplatform.simulator.receiving.ExportRequests.InvoiceExportRequest;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.shared.TempFiles;
import dev.ksefplatform.simulator.shared.Workers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts exports (at most 10 running per context) and builds their packages in the background. */
final class Exports {

    static final int MAX_RUNNING = 10;
    /** Unlike the metadata query (21183), an export past the HWM is accepted and ends with this status. */
    static final StatusInfo BEYOND_HWM = StatusInfo.of(420, "Zakres filtrowania wykracza poza dostępny zakres danych",
            QueryFilters.BEYOND_HWM_DETAIL);
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);

    private final InvoiceSearch search;
    private final ExportPackager packager;
    private final KeyRing keys;
    private final Workers workers;
    private final Duration delay;
    private final ReferenceNumbers references;
    private final Clock clock;
    private final int maxInvoices;
    private final Map<String, Export> exports = new ConcurrentHashMap<>();
    private final Map<String, Path> directories = new ConcurrentHashMap<>();

    Exports(InvoiceSearch search, ExportPackager packager, KeyRing keys, Workers workers, Duration delay,
            ReferenceNumbers references, Clock clock, int maxInvoices) {
        this.maxInvoices = maxInvoices;
        this.search = search;
        this.packager = packager;
        this.keys = keys;
        this.workers = workers;
        this.delay = delay;
        this.references = references;
        this.clock = clock;
    }

    String start(Caller caller, InvoiceExportRequest request) {
        request.validate();
        long running = exports.values().stream()
                .filter(e -> e.contextNip().equals(caller.contextNip()) && e.status().code() == 100).count();
        if (running >= MAX_RUNNING) {
            throw new KsefException(21182, "Osiągnięto limit trwających eksportów.", "Dla uwierzytelnionego podmiotu "
                    + "w bieżącym kontekście osiągnięto maksymalny limit " + MAX_RUNNING
                    + " równoczesnych eksportów faktur. Spróbuj ponownie później.");
        }
        Export export = new Export(references.next("EX"), caller.contextNip(),
                unwrap(request.encryption().publicKeyId(), request.encryptedKey()), request.iv());
        Instant hwm = search.hwm();
        exports.put(export.referenceNumber(), export);
        if (request.filters().startsPast(hwm)) {
            workers.after(delay, () -> export.fail(BEYOND_HWM, clock.instant()));
        } else {
            InvoiceSearch.Found found = search.find(caller.contextNip(), request.filters(), false, hwm);
            workers.packageLater(delay, () -> build(export, request, found));
        }
        return export.referenceNumber();
    }

    Export find(Caller caller, String reference) {
        Export export = exports.get(reference);
        if (export == null || !export.contextNip().equals(caller.contextNip())) {
            throw new KsefException(21175, "Wynik zapytania o podanym identyfikatorze nie istnieje.");
        }
        return export;
    }

    Optional<Export.Part> part(String reference, String partName) {
        return Optional.ofNullable(exports.get(reference)).map(Export::result)
                .flatMap(p -> p.parts().stream().filter(part -> part.partName().equals(partName)).findFirst());
    }

    private void build(Export export, InvoiceExportRequest request, InvoiceSearch.Found found) {
        if (export.key() == null) {
            export.fail(StatusInfo.of(415, "Błąd odszyfrowania dostarczonego klucza"), clock.instant());
            return;
        }
        List<AcceptedInvoice> all = found.invoices();
        List<AcceptedInvoice> included = all.subList(0, Math.min(all.size(), maxInvoices));
        try {
            Path directory = Files.createTempDirectory("ksef-simulator-" + export.referenceNumber());
            directories.put(export.referenceNumber(), directory);
            List<Export.Part> parts = packager.write(export, included, Boolean.TRUE.equals(request.onlyMetadata()),
                    directory);
            AcceptedInvoice last = included.isEmpty() ? null : included.get(included.size() - 1);
            export.complete(new Export.Package(included.size(), parts.stream().mapToLong(Export.Part::partSize).sum(),
                    parts, all.size() > included.size(), last == null ? null : last.issueDate(),
                    last == null ? null : last.invoicingDate(),
                    last == null ? null : last.permanentStorageDate(),
                    request.filters().reportedHwm(found.hwm())), clock.instant());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("export failed reference={}", export.referenceNumber(), e);
            export.fail(StatusInfo.of(500, "Nieznany błąd (500)"), clock.instant());
        }
    }

    /** At shutdown: export packages do not outlive the simulator. */
    void deletePackages() {
        directories.values().forEach(TempFiles::deleteTree);
    }

    /** A key that cannot be unwrapped still starts the export, which then ends with status 415. */
    private byte[] unwrap(String publicKeyId, byte[] encryptedKey) {
        try {
            byte[] key = keys.decrypt(KeyUsage.SymmetricKeyEncryption, publicKeyId, encryptedKey);
            return key.length == 32 ? key : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
