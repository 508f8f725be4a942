package dev.ksefplatform.simulator.session;

import static dev.ksefplatform.simulator.session.SessionRequests.require;
import static dev.ksefplatform.simulator.session.SessionRequests.requireHash;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.session.SessionRequests.Encryption;
import dev.ksefplatform.simulator.session.SessionRequests.FormCode;
import java.util.List;
import java.util.stream.IntStream;

/** The open-batch-session request, with the spec's limits: 1-50 parts of at most 100,000,000 B before encryption. */
final class BatchRequests {

    static final int MAX_PARTS = 50;
    static final long MAX_PART_PLAIN = 100_000_000L;
    static final long MAX_PACKAGE = 5_000_000_000L;
    /** AES-CBC/PKCS#7 adds 1-16 bytes, so an encrypted part may be up to 16 bytes larger. */
    private static final long MAX_PART_ENCRYPTED = MAX_PART_PLAIN + 16;

    private BatchRequests() {
    }

    record BatchFilePart(Integer ordinalNumber, Long fileSize, String fileHash) {
    }

    record BatchFile(Long fileSize, String fileHash, String compressionType, List<BatchFilePart> fileParts) {
    }

    record OpenBatchSessionRequest(FormCode formCode, BatchFile batchFile, Encryption encryption, Boolean offlineMode) {

        void validate() {
            new SessionRequests.OpenOnlineSessionRequest(formCode, encryption).validate();
            require(batchFile != null && batchFile.fileSize() != null && batchFile.fileSize() >= 1
                    && batchFile.fileSize() <= MAX_PACKAGE, "batchFile.fileSize: wymagana wartość 1-5000000000.");
            requireHash(batchFile.fileHash(), "batchFile.fileHash");
            require(batchFile.compressionType() == null || "Zip".equals(batchFile.compressionType()),
                    "batchFile.compressionType: symulator obsługuje wyłącznie Zip.");
            List<BatchFilePart> parts = batchFile.fileParts();
            require(parts != null && !parts.isEmpty(), "batchFile.fileParts: wymagana co najmniej jedna część.");
            if (parts.size() > MAX_PARTS) {
                throw new KsefException(21161, "Przekroczono dozwoloną liczbę części pakietu.",
                        "Liczba części " + parts.size() + " przekracza " + MAX_PARTS + ".");
            }
            parts.forEach(BatchRequests::validatePart);
            require(IntStream.rangeClosed(1, parts.size()).allMatch(n -> parts.stream()
                    .anyMatch(p -> p.ordinalNumber() == n)), "fileParts.ordinalNumber: wymagane kolejne numery od 1.");
        }

        byte[] encryptedKey() {
            return new SessionRequests.OpenOnlineSessionRequest(formCode, encryption).encryptedKey();
        }

        byte[] iv() {
            return new SessionRequests.OpenOnlineSessionRequest(formCode, encryption).iv();
        }
    }

    private static void validatePart(BatchFilePart part) {
        require(part != null && part.ordinalNumber() != null && part.ordinalNumber() >= 1 && part.fileSize() != null,
                "fileParts: wymagane ordinalNumber >= 1 i fileSize.");
        requireHash(part.fileHash(), "fileParts.fileHash");
        if (part.fileSize() < 1 || part.fileSize() > MAX_PART_ENCRYPTED) {
            throw new KsefException(21157, "Nieprawidłowy rozmiar części pakietu.", "Rozmiar części '"
                    + part.ordinalNumber() + "' musi mieścić się w zakresie 1-" + MAX_PART_PLAIN + " B przed szyfrowaniem.");
        }
    }
}
