package dev.ksefplatform.ksef.client.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ksefplatform.ksef.client.error.KsefError;
import java.util.List;
import java.util.stream.Stream;

/** The two error body shapes KSeF sends: RFC 7807 problem details, and the deprecated {@code ExceptionResponse}. */
record ErrorBody(String title, String detail, String reasonCode, List<ApiError> errors,
                 @JsonProperty("exception") LegacyException exception) {

    record ApiError(Integer code, String description, List<String> details) {
    }

    record LegacyException(List<LegacyDetail> exceptionDetailList) {
    }

    record LegacyDetail(Integer exceptionCode, String exceptionDescription, List<String> details) {
    }

    List<KsefError> ksefErrors() {
        Stream<KsefError> problem = errors == null ? Stream.empty()
                : errors.stream().map(e -> new KsefError(orZero(e.code()), e.description(), e.details()));
        Stream<KsefError> legacy = exception == null || exception.exceptionDetailList() == null ? Stream.empty()
                : exception.exceptionDetailList().stream()
                        .map(e -> new KsefError(orZero(e.exceptionCode()), e.exceptionDescription(), e.details()));
        return Stream.concat(problem, legacy).toList();
    }

    String detailOr(String fallback) {
        return detail != null ? detail : title != null ? title : fallback;
    }

    private static int orZero(Integer code) {
        return code == null ? 0 : code;
    }
}
