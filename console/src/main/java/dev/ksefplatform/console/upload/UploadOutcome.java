package dev.ksefplatform.console.upload;

import java.util.List;
import java.util.Map;

/**
 * What became of one uploaded file: a command (id, status) or command-api's problem (its title, detail and schema
 * violations as command-api wrote them; the page words the rest in its language).
 */
public record UploadOutcome(String fileName, String commandId, String status, String title, String detail,
                            List<Violation> violations) {

    static UploadOutcome submitted(String fileName, Map<String, Object> accepted) {
        return new UploadOutcome(fileName, String.valueOf(accepted.get("commandId")),
                String.valueOf(accepted.get("status")), null, null, List.of());
    }

    /** command-api's problem under {@code title} (its own, or the console's words for a problem it knows). */
    static UploadOutcome refused(String fileName, Map<String, Object> problem, String title) {
        return new UploadOutcome(fileName, null, null, title,
                text(problem.get("detail"), ""), violations(problem.get("violations")));
    }

    static UploadOutcome notSent(String fileName, String title, String why) {
        return new UploadOutcome(fileName, null, null, title, why, List.of());
    }

    public boolean accepted() {
        return commandId != null;
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }

    /** command-api's {@code violations[]}: {line, column, message} each; at most 50 are shown. */
    private static List<Violation> violations(Object given) {
        if (!(given instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().limit(50).map(UploadOutcome::violation).toList();
    }

    private static Violation violation(Object given) {
        if (given instanceof Map<?, ?> v && v.get("line") instanceof Number line && v.get("column") instanceof Number column) {
            return new Violation(line.longValue(), column.longValue(), String.valueOf(v.get("message")));
        }
        return new Violation(null, null, given instanceof Map<?, ?> v ? String.valueOf(v.get("message")) : String.valueOf(given));
    }

    /** One schema violation; line and column are null when command-api named no place. */
    public record Violation(Long line, Long column, String message) {
    }
}
