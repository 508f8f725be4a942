package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.shared.StatusInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** One export: its key, its status and, once done, its encrypted parts on disk. */
final class Export {

    static final StatusInfo IN_PROGRESS = StatusInfo.of(100, "Eksport faktur w toku");

    private final String referenceNumber;
    private final String contextNip;
    private final byte[] key;
    private final byte[] iv;
    private volatile StatusInfo status = IN_PROGRESS;
    private volatile Instant completedDate;
    private volatile Package result;

    Export(String referenceNumber, String contextNip, byte[] key, byte[] iv) {
        this.referenceNumber = referenceNumber;
        this.contextNip = contextNip;
        this.key = key;
        this.iv = iv;
    }

    /** One encrypted part: sizes and hashes of the plain and of the encrypted bytes. */
    record Part(int ordinalNumber, String partName, Path file, long partSize, String partHash, long encryptedPartSize,
                String encryptedPartHash) {
    }

    record Package(int invoiceCount, long size, List<Part> parts, boolean isTruncated, String lastIssueDate,
                   Instant lastInvoicingDate, Instant lastPermanentStorageDate, Instant permanentStorageHwmDate) {
    }

    String referenceNumber() {
        return referenceNumber;
    }

    String contextNip() {
        return contextNip;
    }

    byte[] key() {
        return key == null ? null : key.clone();
    }

    byte[] iv() {
        return iv.clone();
    }

    StatusInfo status() {
        return status;
    }

    Instant completedDate() {
        return completedDate;
    }

    Package result() {
        return result;
    }

    void complete(Package done, Instant at) {
        result = done;
        completedDate = at;
        status = StatusInfo.of(200, "Eksport faktur zakończony sukcesem");
    }

    void fail(StatusInfo failure, Instant at) {
        completedDate = at;
        status = failure;
    }
}
