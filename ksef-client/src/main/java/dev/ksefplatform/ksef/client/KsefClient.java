package dev.ksefplatform.ksef.client;

import dev.ksefplatform.ksef.client.auth.AuthenticationPoller;
import dev.ksefplatform.ksef.client.auth.HttpKsefAuth;
import dev.ksefplatform.ksef.client.auth.HttpKsefAuthSessions;
import dev.ksefplatform.ksef.client.auth.xades.XadesSigner;
import dev.ksefplatform.ksef.client.crypto.PublicKeyDirectory;
import dev.ksefplatform.ksef.client.http.KsefHttp;
import dev.ksefplatform.ksef.client.http.RetryPolicy;
import dev.ksefplatform.ksef.client.poll.Poller;
import dev.ksefplatform.ksef.client.query.HttpKsefInvoiceExports;
import dev.ksefplatform.ksef.client.query.HttpKsefInvoiceQueries;
import dev.ksefplatform.ksef.client.query.HttpKsefLimits;
import dev.ksefplatform.ksef.client.query.HttpKsefPermissions;
import dev.ksefplatform.ksef.client.query.HttpKsefTokens;
import dev.ksefplatform.ksef.client.session.HttpKsefBatchSessions;
import dev.ksefplatform.ksef.client.session.HttpKsefBatchSessions.BatchSettings;
import dev.ksefplatform.ksef.client.session.HttpKsefOnlineSessions;
import dev.ksefplatform.ksef.client.session.HttpKsefSessionInvoices;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** The KSeF API 2.0 client for one environment. Thread-safe; create one per environment and share it. */
public final class KsefClient {

    private final KsefAuth auth;
    private final KsefOnlineSessions onlineSessions;
    private final KsefTokens tokens;
    private final KsefPermissions permissions;
    private final KsefSessionInvoices sessionInvoices;
    private final KsefAuthSessions authSessions;
    private final KsefLimits limits;
    private final KsefInvoiceQueries invoiceQueries;
    private final KsefBatchSessions batchSessions;
    private final KsefInvoiceExports invoiceExports;
    private final Clock clock;

    private KsefClient(Builder b) {
        HttpClient httpClient = b.httpClient != null ? b.httpClient : defaultHttpClient(b);
        RetryPolicy retryPolicy = new RetryPolicy(b.maxRetries, b.initialBackoff, b.maxBackoff, b.maxRetryAfter);
        KsefHttp http = new KsefHttp(b.baseUri, httpClient, b.requestTimeout, b.transferTimeout, retryPolicy, b.clock,
                b.observer);
        PublicKeyDirectory publicKeys = new PublicKeyDirectory(http, b.clock);
        Poller poller = new Poller(b.initialBackoff, b.maxBackoff);
        this.auth = new HttpKsefAuth(http, publicKeys, new AuthenticationPoller(http, poller, b.authTimeout),
                new XadesSigner(b.clock));
        this.onlineSessions = new HttpKsefOnlineSessions(http, publicKeys, poller);
        this.tokens = new HttpKsefTokens(http);
        this.permissions = new HttpKsefPermissions(http);
        this.sessionInvoices = new HttpKsefSessionInvoices(http);
        this.authSessions = new HttpKsefAuthSessions(http);
        this.limits = new HttpKsefLimits(http);
        this.invoiceQueries = new HttpKsefInvoiceQueries(http);
        this.batchSessions = new HttpKsefBatchSessions(http, publicKeys, onlineSessions, sessionInvoices, poller,
                new BatchSettings(b.batchPartSize, b.uploadParallelism, b.tempDirectory));
        this.invoiceExports = new HttpKsefInvoiceExports(http, publicKeys, poller, b.tempDirectory);
        this.clock = b.clock;
    }

    // HTTP/2 as KSeF serves it over TLS; on plain http (the simulator) the first request of a connection asks for
    // the h2c upgrade, and a server that does not offer it answers in HTTP/1.1.
    private static HttpClient defaultHttpClient(Builder b) {
        return HttpClient.newBuilder()
                .connectTimeout(b.requestTimeout)
                .version(HttpClient.Version.HTTP_2)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public KsefAuth auth() {
        return auth;
    }

    public KsefOnlineSessions onlineSessions() {
        return onlineSessions;
    }

    public KsefTokens tokens() {
        return tokens;
    }

    public KsefPermissions permissions() {
        return permissions;
    }

    public KsefSessionInvoices sessionInvoices() {
        return sessionInvoices;
    }

    public KsefAuthSessions authSessions() {
        return authSessions;
    }

    public KsefLimits limits() {
        return limits;
    }

    public KsefInvoiceQueries invoiceQueries() {
        return invoiceQueries;
    }

    public KsefBatchSessions batchSessions() {
        return batchSessions;
    }

    public KsefInvoiceExports invoiceExports() {
        return invoiceExports;
    }

    /** Incremental receiving over {@link #invoiceExports()}; see {@link IncrementalSync}. */
    public IncrementalSync incrementalSync(Duration exportTimeout, int maxWindows) {
        return new IncrementalSync(invoiceExports, exportTimeout, maxWindows, clock);
    }

    public static final class Builder {
        private URI baseUri;
        private HttpClient httpClient;
        private KsefCallObserver observer = KsefCallObserver.NONE;
        private Clock clock = Clock.systemUTC();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Duration authTimeout = Duration.ofMinutes(2);
        private Duration transferTimeout = Duration.ofMinutes(10);
        private long batchPartSize = HttpKsefBatchSessions.MAX_PART_SIZE;
        private int uploadParallelism = 4;
        private Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder() {
        }

        /** The API base including {@code /v2}, e.g. {@code https://api-test.ksef.mf.gov.pl/v2}. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri;
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Told of every HTTP exchange (audit, metrics); {@link KsefCallObserver#NONE} by default. */
        public Builder observer(KsefCallObserver observer) {
            this.observer = java.util.Objects.requireNonNull(observer, "observer");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** How many times a transient failure (5xx, 429, timeout, HTML page) is retried; 0 disables retries. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first pause between retries and status polls, and the longest one (they double up to it). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** The longest Retry-After the client waits itself; a longer one is thrown as KsefRateLimitedException. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** How long a login waits for KSeF to finish the authentication (status 100). */
        public Builder authTimeout(Duration authTimeout) {
            this.authTimeout = authTimeout;
            return this;
        }

        /** How long one storage upload or download (batch part, export part) may take. */
        public Builder transferTimeout(Duration transferTimeout) {
            this.transferTimeout = transferTimeout;
            return this;
        }

        /** The size of batch parts before encryption; default and maximum 100,000,000 B. */
        public Builder batchPartSize(long batchPartSize) {
            this.batchPartSize = batchPartSize;
            return this;
        }

        /** How many batch parts are uploaded at the same time (default 4). */
        public Builder uploadParallelism(int uploadParallelism) {
            this.uploadParallelism = uploadParallelism;
            return this;
        }

        /** Where batch archives, parts and export packages are written while in use (default java.io.tmpdir). */
        public Builder tempDirectory(Path tempDirectory) {
            this.tempDirectory = tempDirectory;
            return this;
        }

        public KsefClient build() {
            Objects.requireNonNull(baseUri, "baseUri");
            return new KsefClient(this);
        }
    }
}
