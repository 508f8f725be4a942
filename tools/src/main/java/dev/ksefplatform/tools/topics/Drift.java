package dev.ksefplatform.tools.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What differs between a wanted topic and the cluster's, one readable line per difference. */
public final class Drift {

    private Drift() {
    }

    public static List<String> between(TopicSpec wanted, TopicState actual) {
        List<String> drift = new ArrayList<>();
        if (wanted.partitions() != actual.partitions()) {
            drift.add("partitions: want " + wanted.partitions() + ", have " + actual.partitions() + partitionHint(wanted, actual));
        }
        if (wanted.replicationFactor() != actual.replicationFactor()) {
            drift.add("replication factor: want " + wanted.replicationFactor() + ", have " + actual.replicationFactor());
        }
        new TreeMap<>(wanted.configs()).forEach((key, value) -> configDrift(key, value, actual.configs()).ifPresent(drift::add));
        return drift;
    }

    private static java.util.Optional<String> configDrift(String key, String wanted, Map<String, String> actual) {
        String have = actual.get(key);
        return wanted.equals(have)
                ? java.util.Optional.empty()
                : java.util.Optional.of(key + ": want " + wanted + ", have " + have);
    }

    /** Records are keyed by tenant: a new partition count moves tenants to other partitions, so it is never automatic. */
    private static String partitionHint(TopicSpec wanted, TopicState actual) {
        return wanted.partitions() > actual.partitions()
                ? " (not changed automatically: adding partitions remaps tenant keys; drain the topic's consumers first)"
                : " (Kafka cannot remove partitions)";
    }
}
