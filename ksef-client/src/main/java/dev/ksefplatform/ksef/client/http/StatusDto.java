package dev.ksefplatform.ksef.client.http;

import java.util.List;
import java.util.Map;

/** KSeF's {@code StatusInfo} / {@code InvoiceStatusInfo}. */
public record StatusDto(int code, String description, List<String> details, Map<String, String> extensions) {

    public String describe() {
        return details == null || details.isEmpty() ? description : description + " " + details;
    }
}
