package dev.ksefplatform.worker.it;

import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.SessionOpened;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The submission engine's benchmark (issue #7), a harness that prints figures, not a test: real Kafka (KRaft) and
 * PostgreSQL, the simulator and the worker in this JVM, commands published straight to {@code ksef.commands.v1}.
 * Scenarios: {@code limits} (one tenant, 10,000 invoices, official limits on), {@code throughput} (20 tenants, 5,000
 * invoices, limits lifted, beside the raw Kafka produce rate of the same record size), {@code neighbour} (tenant A has
 * 10,000 queued, tenant B sends 20 one by one, official limits on), {@code inbox} (one tenant's 100,000 received
 * invoices synced from scratch, then 200 tenants with a few new ones each; official limits on).
 * Run: {@code tenant-worker/bench.sh [scenario]}.
 */
public final class SubmissionBenchmark {

    private SubmissionBenchmark() {
    }

    public static void main(String[] args) {
        // The worker's and the broker's threads are not daemons: without an explicit exit a failed scenario would
        // leave the JVM running (and burning CPU beside the next measurement).
        try {
            run(args.length > 0 ? args[0] : "all", args.length > 1 ? Integer.parseInt(args[1]) : 1);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String scenario, int scale) throws Exception {
        if (scenario.equals("limits") || scenario.equals("all")) {
            limits(10_000 / scale);
        }
        if (scenario.equals("throughput") || scenario.equals("all")) {
            throughput(20, 5_000 / scale);
        }
        if (scenario.equals("neighbour") || scenario.equals("all")) {
            neighbour(10_000 / scale, 20);
        }
        if (scenario.equals("inbox")) {
            inbox(100_000 / scale, 200 / scale);
        }
        if (scenario.equals("memory")) {
            InFlightHeapBenchmark.run(Integer.getInteger("bench.invoices", 500 / scale),
                    Integer.getInteger("bench.runs", 3));
        }
    }

    static void limits(int invoices) throws Exception {
        try (WorkerHarness env = new WorkerHarness(true)) {
            env.startWorker(workerArguments());
            warmUp(env);
            String nip = Nips.random();
            List<CommandEnvelope> commands = new ArrayList<>();
            for (int i = 0; i < invoices; i++) {
                commands.add(Commands.submit("bench-limits", nip));
            }
            Outcomes outcomes = new Outcomes(env.bootstrap);
            long start = System.nanoTime();
            publishAll(env.bootstrap, commands);
            Map<String, Long> finished = outcomes.await(commands, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            long accepted = outcomes.accepted;
            long sessions = outcomes.sessionsOf("bench-limits");
            outcomes.close();
            System.out.printf("%n== limits: one tenant, %,d invoices, official limits on%n", invoices);
            System.out.printf("all final after %.1f s (%d accepted, %d other); sessions opened %d; 429s answered %d;"
                            + " invoices KSeF received %d (more than once: %d)%n", seconds, accepted,
                    finished.size() - accepted, sessions, env.simulatorStats(nip).path("tooManyRequests").asLong(),
                    env.simulatorStats(nip).path("invoicesReceived").asLong(),
                    env.simulatorStats(nip).path("receivedMoreThanOnce").size());
        }
    }

    /**
     * {@code bench.storageLatency} (0ms): the simulator's UPO storage answers after it (KSeF's storage is across the
     * internet); {@code bench.upoDownloads}: the worker's {@code worker.upo.downloads} in every scenario (its
     * default unless set).
     */
    static void throughput(int tenants, int invoices) throws Exception {
        String latency = System.getProperty("bench.storageLatency", "0ms");
        String downloads = System.getProperty("bench.upoDownloads");
        try (WorkerHarness env = new WorkerHarness(false, "--simulator.storage-latency=" + latency)) {
            env.startWorker(workerArguments());
            warmUp(env);
            List<CommandEnvelope> commands = new ArrayList<>();
            List<String> nips = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                nips.add(Nips.random());
            }
            for (int i = 0; i < invoices; i++) {
                commands.add(Commands.submit("bench-tp-" + (i % tenants), nips.get(i % tenants)));
            }
            int recordSize = new CommandEnvelopeSerializer().serialize(Topics.COMMANDS.name(), commands.get(0)).length;
            Outcomes outcomes = new Outcomes(env.bootstrap);
            Profile profile = Profile.start();
            WorkerStatements statements = new WorkerStatements(env).start();
            DatabaseCosts database = new DatabaseCosts(env).start();
            long start = System.nanoTime();
            publishAll(env.bootstrap, commands);
            outcomes.await(commands, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitUposDone(env, database, Duration.ofMinutes(5));
            double withUpos = (System.nanoTime() - start) / 1e9;
            profile.stop(invoices);
            database.stop();
            outcomes.close();
            System.out.printf("%n== throughput: %d tenants, %,d invoices, limits lifted, UPO storage latency %s,"
                    + " worker.upo.downloads %s%n", tenants, invoices, latency, downloads == null ? "default" : downloads);
            System.out.printf("end to end %.0f invoices/s (%.1f s, %d accepted); every UPO stored after %.1f s%n",
                    invoices / seconds, seconds, outcomes.accepted, withUpos);
            profile.print(invoices);
            database.print(invoices);
            statements.print(invoices);
            double raw = rawKafka(env.bootstrap, recordSize, invoices);
            System.out.printf("raw Kafka produce of %,d-byte records (acks=all, idempotent, same broker) %.0f records/s;"
                    + " end to end is %.2f %% of it%n", recordSize, raw, 100 * invoices / seconds / raw);
        }
    }

    static void neighbour(int backlog, int singles) throws Exception {
        Process external = null;
        WorkerHarness harness;
        if (Boolean.getBoolean("bench.nicedSimulator")) {
            // KSeF is not on the platform's machine: its own process, at the lowest CPU priority
            int port = 18_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000);
            java.io.File jar = java.nio.file.Files.list(java.nio.file.Path.of("../ksef-simulator/target"))
                    .filter(p -> p.toString().endsWith("-exec.jar")).findFirst().orElseThrow().toFile();
            String nice = System.getProperty("bench.simulatorNice", "19");
            ProcessBuilder builder = new ProcessBuilder("nice", "-n", nice, System.getProperty("java.home") + "/bin/java",
                    "-jar", jar.getPath()).redirectErrorStream(true)
                    .redirectOutput(java.nio.file.Files.createTempFile("simulator", ".log").toFile());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SIMULATOR_PROCESSING_DELAY", "50ms");
            external = builder.start();
            java.net.URI url = java.net.URI.create("http://127.0.0.1:" + port);
            awaitUp(url);
            harness = new WorkerHarness(url);
            System.out.println("simulator: its own process at nice +" + nice + " relative to the platform, " + url);
        } else {
            harness = new WorkerHarness(true);
        }
        try (WorkerHarness env = harness) {
            env.startWorker(workerArguments());
            warmUp(env);
            List<Long> idle = oneByOne(env, "bench-idle-b", Nips.random(), singles);
            String nipA = Nips.random();
            List<CommandEnvelope> queued = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                queued.add(Commands.submit("bench-noisy-a", nipA));
            }
            publishAll(env.bootstrap, queued);
            List<Long> busy = oneByOne(env, "bench-busy-b", Nips.random(), singles);
            System.out.printf("%n== noisy neighbour: A has %,d queued, B sends %d one by one (official limits on)%n",
                    backlog, singles);
            System.out.printf("B idle: p50 %d ms, p99 %d ms; B beside A: p50 %d ms, p99 %d ms; ratio of p99 %.2f%n",
                    pct(idle, 50), pct(idle, 99), pct(busy, 50), pct(busy, 99), (double) pct(busy, 99) / pct(idle, 99));
            System.out.println("B beside A, one by one (ms): " + busy);
        } finally {
            if (external != null) {
                external.destroyForcibly();
            }
        }
    }

    static void awaitUp(java.net.URI url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                http.send(java.net.http.HttpRequest.newBuilder(url.resolve("/actuator/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the simulator did not start at " + url);
    }

    /** One tenant with a large inbox synced from scratch, then many tenants each receiving a few (limits on). */
    static void inbox(int invoices, int tenants) throws Exception {
        try (WorkerHarness env = new WorkerHarness(true)) {
            env.startWorker(workerArguments());
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String buyer = Nips.random();
            env.seedInbox("""
                    {"buyerNip": "%s", "count": %d, "from": "%s", "to": "%s"}""".formatted(buyer, invoices,
                    now.minusSeconds(20 * 3600), now.minusSeconds(60)));
            CommandEnvelope sync = Commands.syncInbox("bench-inbox", buyer, now.minusSeconds(24 * 3600));
            Syncs syncs = new Syncs(env.bootstrap);
            long start = System.nanoTime();
            publishAll(env.bootstrap, List.of(sync));
            syncs.await(List.of(sync.getMessageId()), Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            var stats = env.simulatorStats(buyer);
            System.out.printf("%n== inbox: one tenant, %,d received invoices, official limits on%n", invoices);
            System.out.printf("synced in %.1f s: %,d invoice events, %,d distinct, %,d more than once; exports %d;"
                            + " 429s %d%n", seconds, syncs.received, syncs.distinct.size(),
                    syncs.received - syncs.distinct.size(), stats.path("byEndpoint").path("POST /v2/invoices/exports")
                            .asInt(), stats.path("tooManyRequests").asLong());

            List<String> nips = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<CommandEnvelope> commands = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                String nip = Nips.random();
                nips.add(nip);
                env.seedInbox("""
                        {"buyerNip": "%s", "count": 3, "from": "%s", "to": "%s"}""".formatted(nip,
                        now.minusSeconds(600), now.minusSeconds(60)));
                CommandEnvelope command = Commands.syncInbox("bench-inbox-" + t, nip, now.minusSeconds(3600));
                commands.add(command);
                ids.add(command.getMessageId());
            }
            Syncs steady = new Syncs(env.bootstrap);
            start = System.nanoTime();
            publishAll(env.bootstrap, commands);
            steady.await(ids, Duration.ofMinutes(30));
            seconds = (System.nanoTime() - start) / 1e9;
            long exports = nips.stream().mapToLong(n -> env.simulatorStats(n).path("byEndpoint")
                    .path("POST /v2/invoices/exports").asLong()).sum();
            long throttled = nips.stream().mapToLong(n -> env.simulatorStats(n).path("tooManyRequests").asLong()).sum();
            System.out.printf("steady state: %d tenants with 3 new invoices each, all synced in %.1f s; %,d invoice"
                    + " events (%,d distinct); exports per tenant %.1f (KSeF allows 20 an hour); 429s %d%n", tenants,
                    seconds, steady.received, steady.distinct.size(), (double) exports / tenants, throttled);
            syncs.close();
            steady.close();
        }
    }

    /** Waits until the worker holds no UPO to fetch (the UPO thread's work is part of an invoice's cost). */
    private static void awaitUposDone(WorkerHarness env, DatabaseCosts database, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (java.sql.Connection db = env.connect(); java.sql.Statement s = db.createStatement();
                 java.sql.ResultSet row = s.executeQuery(
                         "SELECT count(*) FROM worker.upo_fetches WHERE state = 'PENDING'")) {
                row.next();
                database.ownRead();
                if (row.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("UPOs still pending after " + timeout);
    }

    /** A consumer of ksef.events.v1 (read_committed) positioned at its end now. */
    private static KafkaConsumer<String, EventEnvelope> eventsFromTheEnd(String bootstrap) {
        KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new EventEnvelopeDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name()).stream()
                .map(p -> new TopicPartition(Topics.EVENTS.name(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Reads ksef.events.v1 from its end: inbox invoices received and the syncs that ended. */
    private static final class Syncs implements AutoCloseable {

        private final KafkaConsumer<String, EventEnvelope> consumer;
        private final java.util.Set<String> ended = new java.util.HashSet<>();
        private final java.util.Set<String> distinct = new java.util.HashSet<>();
        private long received;

        Syncs(String bootstrap) {
            consumer = eventsFromTheEnd(bootstrap);
        }

        void await(List<String> ids, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastReport = System.nanoTime();
            while (!ended.containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(100))) {
                    Object payload = record.value().getPayload();
                    if (payload instanceof dev.ksefplatform.schemas.v1.InboxInvoiceReceived r) {
                        received++;
                        distinct.add(r.getKsefNumber());
                    } else if (payload instanceof dev.ksefplatform.schemas.v1.InboxSyncCompleted
                            || payload instanceof dev.ksefplatform.schemas.v1.InboxSyncFailed) {
                        if (payload instanceof dev.ksefplatform.schemas.v1.InboxSyncFailed f) {
                            System.out.println("  sync failed: " + f.getReason());
                        }
                        ended.add(record.value().getCausationId());
                    }
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    System.out.printf("  … %,d invoices received, %d of %d syncs ended%n", received,
                            ids.stream().filter(ended::contains).count(), ids.size());
                    lastReport = System.nanoTime();
                }
            }
            if (!ended.containsAll(ids)) {
                throw new IllegalStateException("syncs not ended within " + timeout);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** The worker's arguments the benchmark's system properties ask for ({@code bench.upoDownloads}). */
    private static String[] workerArguments() {
        String downloads = System.getProperty("bench.upoDownloads");
        return downloads == null ? new String[0] : new String[] {"--worker.upo.downloads=" + downloads};
    }

    private static void warmUp(WorkerHarness env) throws Exception {
        String nip = Nips.random();
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            commands.add(Commands.submit("bench-warm-up", nip));
        }
        try (Outcomes outcomes = new Outcomes(env.bootstrap)) {
            publishAll(env.bootstrap, commands);
            outcomes.await(commands, Duration.ofMinutes(5));
        }
        oneByOne(env, "bench-warm-up-2", Nips.random(), 10);
    }

    private static List<Long> oneByOne(WorkerHarness env, String tenant, String nip, int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        try (Outcomes outcomes = new Outcomes(env.bootstrap)) {
            for (int i = 0; i < count; i++) {
                CommandEnvelope command = Commands.submit(tenant, nip);
                long sent = System.currentTimeMillis();
                publishAll(env.bootstrap, List.of(command));
                long published = outcomes.await(List.of(command), Duration.ofMinutes(5)).get(command.getMessageId());
                latencies.add(published - sent);
                phases.add(phases(env, command.getMessageId(), sent, outcomes, published));
            }
        }
        System.out.println("  " + tenant + " phases (queued in the worker / session opened for it, - if reused / sent"
                + " to KSeF / outcome decided / event published, ms after the command was sent): " + phases);
        return latencies;
    }

    /**
     * Where one command's latency went: Kafka + intake, opening a session, the send, waiting for KSeF's verdict, the
     * outbox relay (event times are the worker's {@code occurredAt}).
     */
    private static String phases(WorkerHarness env, String commandId, long sent, Outcomes outcomes, long published)
            throws Exception {
        try (java.sql.Connection db = env.connect(); java.sql.PreparedStatement query = db.prepareStatement(
                "SELECT received_at FROM worker.commands WHERE command_id = ?")) {
            query.setString(1, commandId);
            try (java.sql.ResultSet row = query.executeQuery()) {
                long queued = row.next() ? row.getTimestamp(1).getTime() - sent : -1;
                Long opened = outcomes.opened.get(commandId);
                return queued + "/" + (opened == null ? "-" : opened - sent) + "/"
                        + (outcomes.sent.getOrDefault(commandId, sent) - sent) + "/"
                        + (outcomes.decided.get(commandId) - sent) + "/" + (published - sent);
            }
        }
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /** A record the intake cannot decode: it dead-letters it (the memory scenario's way to stop it at the outbox). */
    static void publishUndecodable(String bootstrap) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), "bench-undecodable", new byte[] {1, 2, 3})).get();
        }
    }

    static void publishAll(String bootstrap, List<CommandEnvelope> commands) throws Exception {
        try (KafkaProducer<String, CommandEnvelope> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new CommandEnvelopeSerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (CommandEnvelope command : commands) {
                ProducerRecord<String, CommandEnvelope> record =
                        new ProducerRecord<>(Topics.COMMANDS.name(), command.getTenantId(), command);
                MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, command.getMessageId());
                MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, command.getTenantId());
                MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, command.getCorrelationId());
                sends.add(producer.send(record));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        }
    }

    /** The produce rate of the broker at this record size (acks=all, idempotence on), to a scratch topic. */
    private static double rawKafka(String bootstrap, int recordSize, int records) throws Exception {
        String topic = "bench-raw-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Topics.DEFAULT_PARTITIONS, (short) 1))).all().get();
        }
        byte[] value = new byte[recordSize];
        try (KafkaProducer<String, byte[]> first = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            // one record per partition first: an idempotent producer's first batches to a topic whose leaders are
            // still being elected can be retried out of sequence (OUT_OF_ORDER_SEQUENCE_NUMBER for ever)
            for (int p = 0; p < Topics.DEFAULT_PARTITIONS; p++) {
                first.send(new ProducerRecord<>(topic, p, "warm", value)).get();
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int warm = 0; warm < 2; warm++) {
                long start = System.nanoTime();
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < records; i++) {
                    sends.add(producer.send(new ProducerRecord<>(topic, "tenant-" + (i % 20), value)));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
                if (warm == 1) {
                    return records / ((System.nanoTime() - start) / 1e9);
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Reads ksef.events.v1 from its end: when each command's final event was written, and the sessions opened. */
    private static final class Outcomes implements AutoCloseable {

        private final KafkaConsumer<String, EventEnvelope> consumer;
        private final Map<String, Long> finals = new HashMap<>();
        private final Map<String, Long> decided = new HashMap<>();
        private final Map<String, Long> opened = new HashMap<>();
        private final Map<String, Long> sent = new HashMap<>();
        private final Map<String, Integer> sessions = new HashMap<>();
        private long accepted;

        Outcomes(String bootstrap) {
            consumer = eventsFromTheEnd(bootstrap);
        }

        Map<String, Long> await(List<CommandEnvelope> commands, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, Long> mine = new HashMap<>();
            long lastReport = System.nanoTime();
            while (mine.size() < commands.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(100))) {
                    take(record);
                }
                for (CommandEnvelope command : commands) {
                    Long at = finals.get(command.getMessageId());
                    if (at != null) {
                        mine.put(command.getMessageId(), at);
                    }
                }
                if (commands.size() > 100 && System.nanoTime() - lastReport > 10_000_000_000L) {
                    System.out.printf("  … %,d of %,d final%n", mine.size(), commands.size());
                    lastReport = System.nanoTime();
                }
            }
            if (mine.size() < commands.size()) {
                throw new IllegalStateException(mine.size() + " of " + commands.size() + " final within " + timeout);
            }
            return mine;
        }

        private void take(ConsumerRecord<String, EventEnvelope> record) {
            Object payload = record.value().getPayload();
            if (Commands.isFinal(payload) && finals.putIfAbsent(record.value().getCausationId(), record.timestamp()) == null) {
                decided.put(record.value().getCausationId(), record.value().getOccurredAt().toEpochMilli());
                if (payload instanceof InvoiceAccepted) {
                    accepted++;
                }
            }
            if (payload instanceof SessionOpened) {
                sessions.merge(record.value().getTenantId(), 1, Integer::sum);
                opened.putIfAbsent(record.value().getCausationId(), record.value().getOccurredAt().toEpochMilli());
            }
            if (payload instanceof InvoiceSent) {
                sent.putIfAbsent(record.value().getCausationId(), record.value().getOccurredAt().toEpochMilli());
            }
        }

        long sessionsOf(String tenant) {
            return sessions.getOrDefault(tenant, 0);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
