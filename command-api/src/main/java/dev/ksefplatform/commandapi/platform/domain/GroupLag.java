package dev.ksefplatform.commandapi.platform.domain;

import java.util.List;

/**
 * One consumer group of the platform: its state as the broker reports it ({@code STABLE}, {@code EMPTY} — no member
 * running —, {@code DEAD} — unknown to the broker, never started —, …), how many members it has, and its lag per
 * topic it committed offsets on.
 */
public record GroupLag(String group, String state, int members, List<TopicLag> topics) {

    /** The group's whole lag over its topics. */
    public long lag() {
        return topics.stream().mapToLong(TopicLag::lag).sum();
    }
}
