package dev.ksefplatform.sync.document.application;

import dev.ksefplatform.sync.document.domain.UpoDocument;
import java.util.List;
import reactor.core.publisher.Mono;

/** The immutable store of UPOs. */
public interface UpoStore {

    /** Appends in one statement; a UPO the store holds already (tenant, KSeF number) is left as it is. */
    Mono<Void> appendAll(List<UpoDocument> upos);

    Mono<UpoDocument> find(String tenantId, String ksefNumber);
}
