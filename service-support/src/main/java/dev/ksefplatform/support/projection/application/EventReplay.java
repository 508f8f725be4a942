package dev.ksefplatform.support.projection.application;

/** Control of the event consumer, for rebuilding read models. */
public interface EventReplay {

    /** Stops consuming, runs {@code reset}, then resumes from each partition's stored offset (now: the beginning). */
    void replayFromStart(Runnable reset);
}
