package dev.ksefplatform.worker.submission.application;

import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import java.util.List;

/** Records events; within a command's processing they are published atomically with its consumption. */
public interface WorkerEvents {

    void publish(List<WorkerEvent> events);
}
