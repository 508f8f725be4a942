package dev.ksefplatform.worker.backlog.application;

import dev.ksefplatform.worker.backlog.domain.ContextBacklog;
import java.util.List;

/** The workers' open commands by context, from the shared table: any instance answers for every partition. */
public interface Backlogs {

    /** The {@code limit} contexts with the most queued commands (then the most in KSeF). */
    List<ContextBacklog> largest(int limit);
}
