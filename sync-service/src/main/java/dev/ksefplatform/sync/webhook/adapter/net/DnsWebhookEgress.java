package dev.ksefplatform.sync.webhook.adapter.net;

import dev.ksefplatform.sync.webhook.application.WebhookEgress;
import dev.ksefplatform.sync.webhook.domain.EgressPolicy;
import dev.ksefplatform.sync.webhook.domain.InvalidWebhook;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves the URL's host with the JDK's resolver (blocking, so on a bounded elastic thread) and refuses it when any
 * answer is not public ({@link EgressPolicy}). A host that does not resolve yet is taken (it points nowhere now; its
 * DNS may be set up later): every delivery resolves it again and refuses what it then points at. {@link
 * #allowingAll()} is for local stacks and tests, whose endpoints are on loopback.
 */
public final class DnsWebhookEgress implements WebhookEgress {

    private final boolean allowPrivate;

    private DnsWebhookEgress(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public static WebhookEgress publicOnly() {
        return new DnsWebhookEgress(false);
    }

    public static WebhookEgress allowingAll() {
        return new DnsWebhookEgress(true);
    }

    @Override
    public Mono<Void> check(URI url) {
        if (allowPrivate) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> EgressPolicy.requirePublic(url.getHost(), resolveIfAny(url.getHost())))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static List<InetAddress> resolveIfAny(String host) {
        try {
            return List.of(InetAddress.getAllByName(bare(host)));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(bare(host)));
        } catch (UnknownHostException e) {
            throw new InvalidWebhook("url host " + host + " does not resolve");
        }
    }

    /** URI keeps the brackets of an IPv6 literal; the resolver takes it without. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
