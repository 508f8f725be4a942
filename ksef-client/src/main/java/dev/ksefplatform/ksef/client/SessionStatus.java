package dev.ksefplatform.ksef.client;

import java.util.List;

/** The status of a session, with the session UPO pages once generated. */
public record SessionStatus(int code, String description, Integer invoiceCount, Integer successfulInvoiceCount,
                            Integer failedInvoiceCount, List<UpoPage> upoPages) {

    public SessionStatus {
        upoPages = upoPages == null ? List.of() : List.copyOf(upoPages);
    }
}
