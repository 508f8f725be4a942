package dev.ksefplatform.simulator.upo;

import dev.ksefplatform.simulator.SimulatorProperties;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Pre-signed UPO downloads: no bearer token, 403 for a bad or expired signature (as blob storage does), answered after
 * {@code simulator.storage-latency} (a timer, no thread held: storage across the internet, not a busy server).
 */
@RestController
public class UpoStorageController {

    private final UpoStorage storage;
    private final Duration latency;

    public UpoStorageController(UpoStorage storage, SimulatorProperties properties) {
        this.storage = storage;
        this.latency = properties.storageLatency();
    }

    @GetMapping(UpoStorage.PATH + "{session}/{file}")
    public Mono<ResponseEntity<byte[]>> download(@PathVariable String session, @PathVariable String file,
                                                 @RequestParam(defaultValue = "0") long se,
                                                 @RequestParam(required = false) String sig) {
        ResponseEntity<byte[]> answer = storage.read(session + "/" + file, se, sig)
                .map(UpoStorageController::xml)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        return latency.isZero() ? Mono.just(answer) : Mono.just(answer).delayElement(latency);
    }

    public static ResponseEntity<byte[]> xml(byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("x-ms-meta-hash", UpoStorage.hash(content)).body(content);
    }
}
