package dev.ksefplatform.worker.inbox.application;

import dev.ksefplatform.worker.engine.application.AccessToken;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.Window;

/** KSeF's incremental export, one window per call, every call within the context's budget. */
public interface InboxKsef {

    /**
     * Exports, downloads and decrypts the window starting at {@code from} (waiting for the export budgets first).
     *
     * @throws dev.ksefplatform.worker.engine.application.KsefFailure when KSeF cannot or will not answer
     */
    Window window(LaneKey lane, AccessToken token, String subjectType, Checkpoint from);
}
