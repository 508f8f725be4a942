package dev.ksefplatform.tools.topics;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code topics create|check}: brings the cluster's topics in line with {@code schemas}' descriptors, or only
 * checks them. One line per topic: {@code ok}, {@code created}, {@code missing} or {@code drift} with what differs.
 * Exit 0 when every topic is as wanted (after creating the missing ones), 1 on drift or a missing topic,
 * 2 on bad arguments or an unreachable cluster. Existing topics are never altered: drift is an operator's call.
 */
public final class TopicsCommand {

    public static final int OK = 0;
    public static final int DRIFT = 1;
    public static final int USAGE = 2;

    private TopicsCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        TopicsOptions options;
        try {
            options = TopicsOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error " + e.getMessage());
            return USAGE;
        }
        try (Admin admin = Admin.create(options.adminProperties())) {
            return reconcile(options, new KafkaTopics(admin), out);
        } catch (IllegalStateException e) {
            out.println("error " + e.getMessage());
            return USAGE;
        }
    }

    private static int reconcile(TopicsOptions options, KafkaTopics cluster, PrintStream out) {
        int result = OK;
        for (TopicSpec spec : options.topics().stream().map(d -> TopicSpec.of(d, options.partitions(), options.replicationFactor())).toList()) {
            result = Math.max(result, reconcile(spec, options.create(), cluster, out));
        }
        return result;
    }

    private static int reconcile(TopicSpec spec, boolean create, KafkaTopics cluster, PrintStream out) {
        Optional<TopicState> actual = cluster.find(spec.name(), spec.configs().keySet());
        if (actual.isEmpty() && create) {
            cluster.create(spec);
            out.println("created " + spec.name() + " partitions=" + spec.partitions() + " replication=" + spec.replicationFactor());
            return OK;
        }
        if (actual.isEmpty()) {
            out.println("missing " + spec.name());
            return DRIFT;
        }
        List<String> drift = Drift.between(spec, actual.get());
        drift.forEach(line -> out.println("drift " + spec.name() + " " + line));
        if (drift.isEmpty()) {
            out.println("ok " + spec.name() + " partitions=" + actual.get().partitions());
        }
        return drift.isEmpty() ? OK : DRIFT;
    }
}
