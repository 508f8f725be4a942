package dev.ksefplatform.console.upload;

import java.util.List;
import java.util.Map;

/** What became of one uploaded file: a command (id, status) or command-api's problem, readable. */
public record UploadOutcome(String fileName, String commandId, String status, String title, String detail,
                            List<String> violations) {

    static UploadOutcome submitted(String fileName, Map<String, Object> accepted) {
        return new UploadOutcome(fileName, String.valueOf(accepted.get("commandId")),
                String.valueOf(accepted.get("status")), null, null, List.of());
    }

    static UploadOutcome refused(String fileName, Map<String, Object> problem) {
        return new UploadOutcome(fileName, null, null, text(problem.get("title"), "Refused"),
                text(problem.get("detail"), ""), violations(problem.get("violations")));
    }

    static UploadOutcome notSent(String fileName, String why) {
        return new UploadOutcome(fileName, null, null, "Not submitted", why, List.of());
    }

    public boolean accepted() {
        return commandId != null;
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }

    /** command-api's {@code violations[]}: {line, column, message} each, shown as "line L, column C: message". */
    private static List<String> violations(Object given) {
        if (!(given instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().limit(50).map(UploadOutcome::violation).toList();
    }

    private static String violation(Object given) {
        if (given instanceof Map<?, ?> v) {
            return "line " + v.get("line") + ", column " + v.get("column") + ": " + v.get("message");
        }
        return String.valueOf(given);
    }
}
