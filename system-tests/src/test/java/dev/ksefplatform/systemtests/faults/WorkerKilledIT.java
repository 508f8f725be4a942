package dev.ksefplatform.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.ProcessPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import dev.ksefplatform.deploy.ServiceProcess;
import dev.ksefplatform.deploy.files.Observability;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenant-workers as OS processes share the commands topic; one is killed ({@code kill -9}) while 20 tenants'
 * invoices are in KSeF's hands and more keep arriving. The survivor takes its partitions over, and every accepted
 * command ends final exactly once, with nothing received twice by the simulator. The platform is the suite's
 * ({@link FaultStack}), after {@link RestartsIT}'s restarts, with tenants of this class's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(FaultStack.KILLS)
@ExtendWith(FaultStack.Shared.class)
class WorkerKilledIT {

    static final int TENANTS = 20;
    static final int BEFORE_KILL = 100;
    static final int AFTER_KILL = 200;

    private static ProcessPlatform platform;
    private static PlatformClient client;
    /** The second command-api instance: every status is read there, whichever instance took the submission. */
    private static PlatformClient otherGateway;
    private static java.util.List<PlatformClient> gateways;
    private static WorkerQueue queue;
    private static String kafka;

    @BeforeAll
    static void shareTheSuitesPlatform(FaultStack stack) {
        kafka = stack.kafka.bootstrapServers();
        platform = stack.platform;
        gateways = stack.gateways;
        client = gateways.get(0);
        otherGateway = gateways.get(1);
        queue = new WorkerQueue(stack.postgres::connect);
    }

    @Test
    @Order(1)
    void aWorkerKilledMidLoadLosesAndDoublesNothingAndTheSurvivorTakesOver() {
        Load load = new Load(gateways);
        load.onboard(TENANTS);
        load.submit(BEFORE_KILL, 4);
        String victim = awaitInvoicesInKsef();
        Set<Integer> victimPartitions = queue.partitionsOf(victim);
        int inKsefAtKill = queue.inKsef(victimPartitions);
        Instant killedAt = Instant.now();
        platform.process(victim).kill();
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> load.submit(AFTER_KILL, 4));
        Duration takeover = awaitTakeover(victim, victimPartitions, killedAt);
        more.join();

        Map<String, JsonNode> finals = new Outcomes(otherGateway).awaitFinal(load.accepted(), Duration.ofMinutes(5));
        Duration firstFinal = Duration.between(killedAt, queue.firstFinishedAfter(victimPartitions, killedAt).orElseThrow());
        int openAtKill = queue.openAt(victimPartitions, killedAt);
        Map<String, Long> finalEvents = awaitFinalEvents(kafka, load.accepted().keySet());
        long received = load.tenants().stream().mapToLong(t -> new Outcomes(client).received(t).path("invoicesReceived").asLong()).sum();
        long receivedTwice = load.tenants().stream().mapToLong(t -> new Outcomes(client).received(t).path("receivedMoreThanOnce").size()).sum();
        long duplicates = Outcomes.duplicateEvents(kafka, load.accepted().keySet());
        System.out.printf("FIGURE faults/worker-kill: commands=%d (202) refused=%d accepted-per-command-api=%s kills=1 victim=%s partitions=%d open-at-kill=%d in-KSeF-at-kill=%d "
                        + "takeover=%.1f s first-final-after-kill=%.1f s final=%d losses=%d received-by-KSeF=%d received-twice=%d "
                        + "duplicates=%d%n", load.accepted().size(), load.refusedCount(), load.acceptedByGateway(), victim, victimPartitions.size(), openAtKill, inKsefAtKill,
                takeover.toMillis() / 1000.0, firstFinal.toMillis() / 1000.0, finals.size(),
                load.accepted().size() - finals.size(), received, receivedTwice, duplicates);

        assertThat(load.refused()).isEmpty();
        assertThat(load.accepted()).hasSize(BEFORE_KILL + AFTER_KILL);
        assertThat(load.acceptedByGateway()).as("both command-api instances took submissions").allMatch(n -> n > 0);
        assertThat(inKsefAtKill).as("the kill hit invoices in KSeF's hands").isPositive();
        assertThat(takeover).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(finals).as("every 202 ends final").hasSize(load.accepted().size());
        assertThat(finals.values()).extracting(s -> s.path("status").asText()).containsOnly("ACCEPTED");
        assertThat(finals.values().stream().map(s -> s.path("ksefNumber").asText()).collect(Collectors.toSet())).hasSize(finals.size());
        assertThat(finalEvents).as("one final event per command").containsOnlyKeys(load.accepted().keySet())
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(duplicates).isZero();
        assertThat(receivedTwice).isZero();
        assertThat(received).isEqualTo(BEFORE_KILL + AFTER_KILL);
        load.tenants().forEach(this::assertEachInvoiceAcceptedOnceByKsef);
    }

    /** After the load: the dashboards' and alert rules' metrics, against what the live processes expose now. */
    @Test
    @Order(2)
    void everyMetricTheDashboardsAndAlertRulesReadIsExposedByThePlatformAfterTheRun() {
        Set<String> exposed = new TreeSet<>(Observability.PROMETHEUS_OWN);
        exposed.addAll(Observability.REGISTERED_ON_FIRST_USE.keySet());
        platform.processes().values().stream().filter(ServiceProcess::alive).forEach(p -> exposed.addAll(metricNames(p)));

        assertThat(exposed).containsAll(Observability.metricNames());
    }

    private static Set<String> metricNames(ServiceProcess process) {
        var response = process.get("/actuator/prometheus");
        assertThat(response.statusCode()).as(process.url()).isEqualTo(200);
        return response.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    private void assertEachInvoiceAcceptedOnceByKsef(Tenant tenant) {
        JsonNode accepted = new Outcomes(client).accepted(tenant);
        Set<String> numbers = new HashSet<>();
        accepted.forEach(i -> numbers.add(i.path("invoiceNumber").asText()));
        assertThat(numbers).as(tenant.nip()).hasSize(accepted.size())
                .hasSize((BEFORE_KILL + AFTER_KILL) / TENANTS);
    }

    /** The worker to kill: the one with the most invoices KSeF holds and it has not seen the verdict of. */
    private static String awaitInvoicesInKsef() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var busiest = queue.inKsefByOwner().entrySet().stream().max(Map.Entry.comparingByValue());
            if (busiest.isPresent()) {
                return busiest.get().getKey();
            }
            Outcomes.pause(20);
        }
        throw new AssertionError("no invoice in KSeF's hands within 60 s of the first 100 submissions");
    }

    private static Duration awaitTakeover(String victim, Set<Integer> partitions, Instant killedAt) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, String> owners = queue.owners();
            if (partitions.stream().noneMatch(p -> victim.equals(owners.get(p)))) {
                return Duration.between(killedAt, Instant.now());
            }
            Outcomes.pause(100);
        }
        throw new AssertionError(victim + "'s partitions " + partitions + " not taken over within 2 minutes");
    }

    static Map<String, Long> awaitFinalEvents(String kafka, Set<String> commands) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Map<String, Long> events = Outcomes.finalEventsPerCommand(kafka);
        while (!events.keySet().containsAll(commands) && System.nanoTime() < deadline) {
            Outcomes.pause(500);
            events = Outcomes.finalEventsPerCommand(kafka);
        }
        events.keySet().retainAll(commands);
        return events;
    }
}
