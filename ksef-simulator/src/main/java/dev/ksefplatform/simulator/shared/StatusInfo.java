package dev.ksefplatform.simulator.shared;

import java.util.List;
import java.util.Map;

/** The spec's StatusInfo / InvoiceStatusInfo: a code, its description, optional details and extensions. */
public record StatusInfo(int code, String description, List<String> details, Map<String, String> extensions) {

    public static StatusInfo of(int code, String description, String... details) {
        return new StatusInfo(code, description, details.length == 0 ? null : List.of(details), null);
    }

    public StatusInfo withExtensions(Map<String, String> values) {
        return new StatusInfo(code, description, details, Map.copyOf(values));
    }

    public StatusInfo withDetails(String... values) {
        return new StatusInfo(code, description, List.of(values), extensions);
    }

    public boolean done() {
        return code >= 200;
    }
}
