package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.commandapi.CommandApiApplication;
import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.commandapi.submission.adapter.kafka.BenchRecords;
import dev.ksefplatform.commandapi.submission.domain.InvoiceDocument;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.commandapi.submission.domain.Sha256;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.MachineProbe;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The gateway alone (command-api on embedded PostgreSQL and Kafka, all but PostgreSQL in this JVM) under open-loop
 * fixed offered loads of valid 5 KB invoices from many tenants, and, in the same run, the floor: the same record
 * produced straight to Kafka at the same rates. Prints figures, asserts nothing. Command: command-api/README.md,
 * <i>Load benchmark</i>. System properties: {@code rates} (100,500,1000), {@code window} seconds (20),
 * {@code warmup} seconds (40), {@code tenants} (100), {@code floor} (true; false skips it), {@code jfr} (a file: records the gateway's windows),
 * {@code gatewayLog} (the level of command-api's own loggers, WARN; INFO as deployed).
 */
public final class GatewayLoadBenchmark {

    private static final String ADMIN = "bench-admin-token";
    private static final GcPauses PAUSES = GcPauses.listen();

    private GatewayLoadBenchmark() {
    }

    public static void main(String[] args) {
        int[] rates = java.util.Arrays.stream(System.getProperty("rates", "100,500,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration window = Duration.ofSeconds(Long.getLong("window", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 40));
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        String kafka = EmbeddedKafka.get().bootstrapServers();
        ConfigurableApplicationContext app = start(postgres, kafka);
        HttpClient http = client(((WebServerApplicationContext) app).getWebServer().getPort());
        List<Tenant> tenants = register(http, Integer.getInteger("tenants", 100));
        byte[][] parts = Invoices.fiveKilobyteParts();
        IntFunction<Mono<Boolean>> submit = i -> submit(http, tenants.get(i % tenants.size()), parts, i);
        System.out.printf("invoice %d bytes, %d tenants, warm-up %d s, windows of %d s; %s%n",
                parts[0].length + parts[1].length + parts[2].length + 10, tenants.size(), warmup.toSeconds(),
                window.toSeconds(), Runtime.version());
        System.out.println(MachineProbe.line());

        OpenLoop.run(100, warmup.dividedBy(4), submit);
        OpenLoop.run(rates[rates.length - 1] / 2, warmup.minus(warmup.dividedBy(4)), submit);
        List<String> lines = new ArrayList<>();
        try (GatewayRecording recording = GatewayRecording.start(System.getProperty("jfr"))) {
            for (int rate : rates) {
                lines.add(measure("gateway POST /api/v1/invoices", rate, window, submit));
            }
        }
        if (Boolean.parseBoolean(System.getProperty("floor", "true"))) {
            measureFloor(kafka, tenants.get(0), parts, rates, window, lines);
        }
        lines.forEach(System.out::println);
        app.close();
        System.exit(0);
    }

    private static void measureFloor(String kafka, Tenant tenant, byte[][] parts, int[] rates, Duration window,
                                     List<String> lines) {
        try (KafkaProducer<String, CommandEnvelope> producer = floorProducer(kafka)) {
            ProducerRecord<String, CommandEnvelope> record = floorRecord(tenant, parts);
            IntFunction<Mono<Boolean>> produce = i -> Mono.create(sink -> producer.send(record, (m, e) -> sink.success(e == null)));
            OpenLoop.run(rates[rates.length - 1], Duration.ofSeconds(10), produce);
            for (int rate : rates) {
                lines.add(measure("floor: same record to Kafka", rate, window, produce));
            }
        }
    }

    private static String measure(String what, int rate, Duration window, IntFunction<Mono<Boolean>> call) {
        CpuMeter meter = new CpuMeter(EmbeddedPostgres.get().port());
        PAUSES.takeWindow();
        CpuMeter.Sample before = meter.sample();
        OpenLoop.Result result = OpenLoop.run(rate, window, call);
        CpuMeter.Sample after = meter.sample();
        return Figures.line(what, rate, result, before, after, PAUSES.takeWindow());
    }

    static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String kafka, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka,
                "--commandapi.security.callers.admin=" + ADMIN, "--ksef.services.sync-service.url=http://localhost:9",
                "--logging.level.root=WARN", "--logging.level.dev.ksefplatform=" + System.getProperty("gatewayLog", "WARN")));
        postgres.springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of(extra));
        return CommandApiApplication.builder().run(args.toArray(String[]::new));
    }

    static HttpClient client(int port) {
        ConnectionProvider connections = ConnectionProvider.builder("bench-client").maxConnections(1024)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        return HttpClient.create(connections).runOn(LoopResources.create("bench-client", 1, true))
                .baseUrl("http://localhost:" + port);
    }

    static List<Tenant> register(HttpClient http, int count) {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nip = Invoices.randomNip();
            String body = "{\"name\":\"Bench " + nip + "\",\"nip\":\"" + nip + "\"}";
            String response = http.headers(h -> h.add("Authorization", "Bearer " + ADMIN).add("Content-Type", "application/json"))
                    .post().uri("/admin/v1/tenants").send(ByteBufFlux.fromString(Mono.just(body)))
                    .responseSingle((r, b) -> b.asString()).block(Duration.ofSeconds(30));
            String key = response.replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
            String id = response.replaceAll(".*\"tenantId\":\"([^\"]+)\".*", "$1");
            tenants.add(new Tenant(id, nip, key));
        }
        return tenants;
    }

    static Mono<Boolean> submit(HttpClient http, Tenant tenant, byte[][] parts, int i) {
        byte[] xml = Invoices.join(parts, tenant.nip(), "B" + i);
        return http.headers(h -> h.add("X-API-Key", tenant.apiKey()).add("Content-Type", "application/xml")
                        .add("Idempotency-Key", UUID.randomUUID().toString()))
                .post().uri("/api/v1/invoices").send(Mono.just(Unpooled.wrappedBuffer(xml)))
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code() == 202)));
    }

    /** The gateway's producer settings (command-api.yml), under its own client id so its thread is told apart. */
    private static KafkaProducer<String, CommandEnvelope> floorProducer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-floor", ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8388608, ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536),
                new StringSerializer(), new CommandEnvelopeSerializer());
    }

    private static ProducerRecord<String, CommandEnvelope> floorRecord(Tenant tenant, byte[][] parts) {
        byte[] xml = Invoices.join(parts, tenant.nip(), "FLOOR");
        InvoiceDocument document = new InvoiceDocument(xml, Sha256.base64(xml), "FLOOR", tenant.nip());
        return BenchRecords.of(Topics.COMMANDS.name(), new InvoiceSubmission(UUID.randomUUID().toString(), tenant.id(),
                "TEST", tenant.nip(), document, Instant.now()));
    }

    record Tenant(String id, String nip, String apiKey) {
    }
}
