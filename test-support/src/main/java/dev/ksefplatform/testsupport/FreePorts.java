package dev.ksefplatform.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port that is free now, for a server that binds it a little later. Chosen below Linux's ephemeral range
 * (32768–60999): a port from {@code new ServerSocket(0)} comes from that range, and any outgoing connection made in
 * between (a Kafka client, an HTTP call) may be given the same port, so the later bind fails ("Address already in
 * use" — seen in CI). Outgoing connections never take a port below the range. A port is handed out once per JVM:
 * two servers of one platform, each given a port before either bound it, were once given the same one (CI: the
 * simulator and a worker, 1 chance in 12,000 per pair).
 */
public final class FreePorts {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int pick() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in " + LOW + ".." + HIGH);
    }
}
