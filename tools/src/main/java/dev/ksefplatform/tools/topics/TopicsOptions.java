package dev.ksefplatform.tools.topics;

import dev.ksefplatform.schemas.topic.TopicDescriptor;
import dev.ksefplatform.schemas.topic.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code (create|check) --bootstrap HOST:PORT [--partitions N] [--replication-factor N] [--command-config FILE]
 * [--upstream SYSTEM]...}. {@code --partitions} applies to every topic (default: each descriptor's own); the
 * command-config file holds AdminClient properties (security protocol, SASL), so no secret goes on the command line;
 * each {@code --upstream} adds that system's ingress topic and its dead letters.
 */
public record TopicsOptions(boolean create, String bootstrap, Integer partitions, int replicationFactor, Path commandConfig,
                            List<String> upstreams) {

    /** The platform's topics and the upstream systems' ingress topics. */
    public List<TopicDescriptor> topics() {
        List<TopicDescriptor> topics =
                new ArrayList<>(Topics.all());
        upstreams.forEach(system -> topics.addAll(Topics.ingress(system)));
        return topics;
    }

    public static TopicsOptions parse(String[] args) {
        if (args.length == 0 || !(args[0].equals("create") || args[0].equals("check"))) {
            throw new IllegalArgumentException("first argument must be create or check");
        }
        String bootstrap = null;
        Integer partitions = null;
        int replication = 1;
        Path commandConfig = null;
        List<String> upstreams = new ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            String value = valueAfter(args, i);
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = value;
                case "--partitions" -> partitions = positive(args[i], value);
                case "--replication-factor" -> replication = positive(args[i], value);
                case "--command-config" -> commandConfig = Path.of(value);
                case "--upstream" -> {
                    Topics.ingress(value); // refuses an id that names no topic
                    upstreams.add(value);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap is required");
        }
        return new TopicsOptions(args[0].equals("create"), bootstrap, partitions, replication, commandConfig,
                List.copyOf(upstreams));
    }

    public Properties adminProperties() {
        Properties properties = new Properties();
        if (commandConfig != null) {
            try (Reader reader = Files.newBufferedReader(commandConfig)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --command-config " + commandConfig + ": " + e.getMessage(), e);
            }
        }
        properties.put("bootstrap.servers", bootstrap);
        properties.putIfAbsent("request.timeout.ms", "15000");
        properties.putIfAbsent("default.api.timeout.ms", "30000");
        return properties;
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive number, not " + value, e);
        }
        throw new IllegalArgumentException(option + " must be a positive number, not " + value);
    }
}
