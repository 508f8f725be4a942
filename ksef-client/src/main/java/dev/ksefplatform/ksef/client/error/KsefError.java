package dev.ksefplatform.ksef.client.error;

import java.util.List;

/** One error entry of a KSeF 4xx body (problem details {@code errors[]} or legacy {@code exceptionDetailList[]}). */
public record KsefError(int code, String description, List<String> details) {

    public static final int INVALID_CHALLENGE = 21111;
    public static final int UNKNOWN_PUBLIC_KEY = 21470;

    public KsefError {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
