package dev.ksefplatform.systemtests.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * The cost benchmark's knobs, as system properties: {@code bench.invoices} (10000: through REST, and as many again
 * onto Kafka), {@code bench.warmup} (30000, through REST), {@code bench.warmupRate} (100/s),
 * {@code bench.warmupCommands} (30000: straight onto Kafka after the REST warm-up; 0 for none),
 * {@code bench.rates} (100,500,1000),
 * {@code bench.tenants} (20), {@code bench.idleSeconds} (30, after 10 s to settle), {@code bench.timeoutMinutes} (20, per drain) and
 * {@code bench.jvmOptions} (every service's JAVA_TOOL_OPTIONS; the Docker image's defaults with a fixed heap) and
 * {@code bench.workers} (1: tenant-worker instances sharing the commands topic's partitions in one consumer group) and
 * {@code bench.workerEnv} (none: {@code NAME=value,…} added to every tenant-worker's environment, e.g.
 * {@code WORKER_ENGINE_VERDICT_LIST_FROM=2147483647} to ask every verdict one by one) and {@code bench.postgres}
 * (none: {@code name=value,…} PostgreSQL server settings added to, or overriding, {@link CostPlatform}'s, e.g.
 * {@code synchronous_commit=off}) and {@code bench.jfr} (false:
 * record the Kafka phase of the cost benchmark with JFR in every service, {@code target/cost-jfr/<service>.jfr}) and
 * {@code bench.jitSettleSeconds} (120: before each measured phase, wait at most so long for the services' JIT compiler
 * threads to be quiet, {@link JitSettle}; 0 for no wait) and {@code bench.scrapeSeconds} (15: every service's
 * {@code /actuator/prometheus} read this often all run long, as deploy/prometheus does, {@link Scrapes}; 0 for none).
 */
record Settings(int invoices, int warmup, int warmupRate, int warmupCommands, int[] rates, int tenants,
                int idleSeconds, Duration timeout, String jvmOptions, int workers,
                java.util.Map<String, String> workerEnv, java.util.Map<String, String> postgres, boolean jfr,
                int jitSettleSeconds, int scrapeSeconds) {

    static Settings fromSystemProperties() {
        return new Settings(Integer.getInteger("bench.invoices", 10_000), Integer.getInteger("bench.warmup", 30_000),
                Integer.getInteger("bench.warmupRate", 100), Integer.getInteger("bench.warmupCommands", 30_000),
                Arrays.stream(System.getProperty("bench.rates", "100,500,1000").split(",")).mapToInt(Integer::parseInt).toArray(),
                Integer.getInteger("bench.tenants", 20), Integer.getInteger("bench.idleSeconds", 30),
                Duration.ofMinutes(Integer.getInteger("bench.timeoutMinutes", 20)),
                System.getProperty("bench.jvmOptions", "-Xmx512m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError"),
                Integer.getInteger("bench.workers", 1), variables(System.getProperty("bench.workerEnv", "")),
                variables(System.getProperty("bench.postgres", "")),
                Boolean.getBoolean("bench.jfr"), Integer.getInteger("bench.jitSettleSeconds", 120),
                Integer.getInteger("bench.scrapeSeconds", 15));
    }

    private static java.util.Map<String, String> variables(String list) {
        java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();
        Arrays.stream(list.split(",")).filter(v -> v.contains("="))
                .forEach(v -> variables.put(v.substring(0, v.indexOf('=')).trim(), v.substring(v.indexOf('=') + 1).trim()));
        return variables;
    }

    @Override
    public String toString() {
        return ("invoices=%d warm-up=%d at %d/s and %d onto Kafka rates=%s tenants=%d tenant-worker instances=%d"
                + " services' JVM options \"%s\" tenant-worker environment %s PostgreSQL settings added %s"
                + " JIT settle at most %d s, metrics scraped every %d s%s")
                .formatted(invoices, warmup, warmupRate, warmupCommands, Arrays.toString(rates), tenants, workers,
                        jvmOptions, workerEnv, postgres, jitSettleSeconds, scrapeSeconds,
                jfr ? ", the Kafka phase recorded with JFR (its figures include JFR's cost)" : "");
    }
}
