package dev.ksefplatform.worker.submission.application;

import java.util.UUID;

/** Supplies event ids; injected so tests can pin them. */
@FunctionalInterface
public interface IdGenerator {

    String newId();

    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
