package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.PreparedBatch;
import dev.ksefplatform.worker.engine.application.AccessToken;
import dev.ksefplatform.worker.engine.application.Ksef;
import dev.ksefplatform.worker.engine.domain.LaneKey;

/** A batch on disk, sent step by step through the lane's environment. */
final class PreparedBatchAdapter implements Ksef.Batch {

    private final PreparedBatch batch;

    PreparedBatchAdapter(PreparedBatch batch) {
        this.batch = batch;
    }

    @Override
    public String open(LaneKey lane, AccessToken token) {
        return ClientKsef.call(() -> batch.open(token.value()));
    }

    @Override
    public void upload() {
        ClientKsef.call(() -> {
            batch.upload();
            return null;
        });
    }

    @Override
    public void close(LaneKey lane, AccessToken token) {
        ClientKsef.call(() -> {
            batch.close(token.value());
            return null;
        });
    }

    @Override
    public void close() {
        batch.close();
    }
}
