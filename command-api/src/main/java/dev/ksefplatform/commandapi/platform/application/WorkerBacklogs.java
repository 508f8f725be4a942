package dev.ksefplatform.commandapi.platform.application;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The largest backlogs across tenants, as tenant-worker counts its open commands per context. */
public interface WorkerBacklogs {

    Mono<List<Map<String, Object>>> largest(int limit);
}
