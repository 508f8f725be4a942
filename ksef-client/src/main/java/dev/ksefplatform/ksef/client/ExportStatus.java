package dev.ksefplatform.ksef.client;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /invoices/exports/{ref}}: 100 in progress, 200 done (the package is described), others failed.
 * {@code truncated} means the package stopped at 10,000 invoices or 1 GB: the next window starts at
 * {@code lastPermanentStorageDate}; otherwise at {@code permanentStorageHwmDate}.
 */
public record ExportStatus(int code, String description, Instant completedDate, Instant packageExpirationDate,
                           long invoiceCount, long size, List<ExportPart> parts, boolean truncated,
                           Instant lastPermanentStorageDate, Instant permanentStorageHwmDate) {

    public static final int IN_PROGRESS = 100;
    public static final int SUCCESS = 200;

    public ExportStatus {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public boolean isFinal() {
        return code != IN_PROGRESS;
    }
}
