package dev.ksefplatform.simulator.upo;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pre-signed UPO downloads: no bearer token, 403 for a bad or expired signature (as blob storage does). */
@RestController
public class UpoStorageController {

    private final UpoStorage storage;

    public UpoStorageController(UpoStorage storage) {
        this.storage = storage;
    }

    @GetMapping(UpoStorage.PATH + "{session}/{file}")
    public ResponseEntity<byte[]> download(@PathVariable String session, @PathVariable String file,
                                           @RequestParam(defaultValue = "0") long se,
                                           @RequestParam(required = false) String sig) {
        return storage.read(session + "/" + file, se, sig)
                .map(UpoStorageController::xml)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }

    public static ResponseEntity<byte[]> xml(byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("x-ms-meta-hash", UpoStorage.hash(content)).body(content);
    }
}
