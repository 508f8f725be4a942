package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.commandapi.Invoices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.netty.http.client.HttpClient;

/**
 * The client of {@link RequestHeapBenchmark}, in a process of its own so that its connections and request buffers are
 * not on the measured heap: fires {@code count} submissions at once, each on its own connection, and waits for every
 * answer. Arguments: port, count, a file of tenants ("id nip apiKey" per line).
 */
public final class HeldRequests {

    private HeldRequests() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = GatewayLoadBenchmark.client(Integer.parseInt(args[0]));
        int count = Integer.parseInt(args[1]);
        List<GatewayLoadBenchmark.Tenant> tenants = Files.readAllLines(Path.of(args[2])).stream()
                .map(line -> line.split(" ")).map(t -> new GatewayLoadBenchmark.Tenant(t[0], t[1], t[2])).toList();
        byte[][] parts = Invoices.fiveKilobyteParts();
        CountDownLatch answered = new CountDownLatch(count);
        AtomicInteger accepted = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            GatewayLoadBenchmark.submit(http, tenants.get(i % tenants.size()), parts, i).subscribe(ok -> {
                if (ok) {
                    accepted.incrementAndGet();
                }
                answered.countDown();
            }, error -> answered.countDown());
        }
        System.out.println("HELD fired " + count);
        boolean all = answered.await(10, TimeUnit.MINUTES);
        System.out.printf("HELD answered %s, %d of %d accepted%n", all ? "all" : "not all", accepted.get(), count);
        System.exit(0);
    }
}
