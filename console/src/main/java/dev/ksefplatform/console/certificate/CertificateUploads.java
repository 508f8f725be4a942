package dev.ksefplatform.console.certificate;

import dev.ksefplatform.console.commandapi.Caller;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * A certificate upload (multipart: file part {@code pkcs12}, field {@code password}) turned into command-api's
 * {@code CERTIFICATE} credential once {@link CertificateChecks} found nothing wrong; a {@link CertificateRefused}
 * otherwise. The file and password live only in this request: never kept, logged or rendered again.
 */
public final class CertificateUploads {

    private final CertificateChecks checks;
    private final TenantNips tenantNips;
    private final DataSize maxSize;

    CertificateUploads(CertificateChecks checks, TenantNips tenantNips, DataSize maxSize) {
        this.checks = checks;
        this.tenantNips = tenantNips;
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** The credential to send, or a {@link CertificateRefused} saying what to do. */
    public Mono<Map<String, Object>> credential(Caller caller, MultiValueMap<String, Part> parts) {
        String password = field(parts.get("password"));
        FilePart file = file(parts.get("pkcs12"));
        if (file == null) {
            return Mono.error(new CertificateRefused(CertificateRefusal.of("certificate.none-chosen")));
        }
        return DataBufferUtils.join(file.content(), (int) maxSize.toBytes()).map(CertificateUploads::bytes)
                .onErrorMap(DataBufferLimitException.class, e -> new CertificateRefused(
                        CertificateRefusal.of("certificate.too-large", maxSize.toKilobytes())))
                .zipWith(tenantNips.of(caller).defaultIfEmpty(""))
                .flatMap(fileAndNip -> checked(fileAndNip.getT1(), password, fileAndNip.getT2()));
    }

    private Mono<Map<String, Object>> checked(byte[] pkcs12, String password, String tenantNip) {
        return checks.refusal(pkcs12, password, tenantNip).<Mono<Map<String, Object>>>map(
                        refusal -> Mono.error(new CertificateRefused(refusal)))
                .orElseGet(() -> Mono.just(Map.of("type", "CERTIFICATE",
                        "pkcs12", Base64.getEncoder().encodeToString(pkcs12), "password", password)));
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static String field(List<Part> parts) {
        return parts == null ? "" : parts.stream().filter(FormFieldPart.class::isInstance)
                .map(part -> ((FormFieldPart) part).value()).findFirst().orElse("");
    }

    private static FilePart file(List<Part> parts) {
        return parts == null ? null : parts.stream().filter(FilePart.class::isInstance).map(FilePart.class::cast)
                .filter(part -> !part.filename().isBlank()).findFirst().orElse(null);
    }
}
