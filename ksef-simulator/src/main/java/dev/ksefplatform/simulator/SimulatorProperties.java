package dev.ksefplatform.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the simulator.
 *
 * @param processingDelay how long an invoice stays in each of the statuses 100 and 150
 * @param authDelay       how long an authentication stays in status 100
 * @param accessTokenTtl  access token lifetime (the spec's example JWT: 15 minutes)
 * @param refreshTokenTtl refresh token lifetime (up to 7 days)
 * @param upoLinkTtl      how long a pre-signed UPO link stays valid
 * @param rateLimits      the official per (context, IP) limits, on by default
 * @param exportMaxInvoices invoices in one export package before it is truncated (KSeF: 10,000; smaller lets a test
 *                          see several windows without a huge inbox)
 * @param storageLatency  how long a pre-signed UPO download waits before it is answered (0 by default): KSeF's storage
 *                        is another host across the internet, tens of milliseconds away, where the simulator is local;
 *                        a benchmark sets it to see what a client's downloads cost in time
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(
        Duration processingDelay,
        Duration authDelay,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration upoLinkTtl,
        RateLimits rateLimits,
        Integer exportMaxInvoices,
        Duration storageLatency) {

    public record RateLimits(boolean enabled) {
    }

    public SimulatorProperties {
        processingDelay = orDefault(processingDelay, Duration.ofMillis(200));
        authDelay = orDefault(authDelay, Duration.ofMillis(100));
        accessTokenTtl = orDefault(accessTokenTtl, Duration.ofMinutes(15));
        refreshTokenTtl = orDefault(refreshTokenTtl, Duration.ofDays(7));
        upoLinkTtl = orDefault(upoLinkTtl, Duration.ofHours(1));
        rateLimits = rateLimits == null ? new RateLimits(true) : rateLimits;
        exportMaxInvoices = exportMaxInvoices == null ? 10_000 : exportMaxInvoices;
        storageLatency = orDefault(storageLatency, Duration.ZERO);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
