package dev.ksefplatform.sync.webhook.adapter.net;

import dev.ksefplatform.sync.webhook.domain.EgressPolicy;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The delivery client's resolver: the JDK's answers, refused when any is not public. The address checked is the one
 * connected to, so a name that resolved to a public address at registration and to a private one now (DNS
 * rebinding) is refused at delivery. Host names only: the client connects to an IP literal without resolving it,
 * so {@code HttpWebhookSender} checks literals itself.
 */
public final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    /** Checks {@code host} when it is an IP literal (which the client connects to without resolving it). */
    public static void requirePublicLiteral(String host) {
        String bare = DnsWebhookEgress.bare(host);
        if (NetUtil.isValidIpV4Address(bare) || NetUtil.isValidIpV6Address(bare)) {
            EgressPolicy.requirePublic(host, DnsWebhookEgress.resolve(bare));
        }
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new PublicNameResolver(executor));
    }

    private static final class PublicNameResolver extends InetNameResolver {

        PublicNameResolver(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            try {
                promise.setSuccess(publicAddresses(host).get(0));
            } catch (RuntimeException e) {
                promise.setFailure(e);
            }
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            try {
                promise.setSuccess(publicAddresses(host));
            } catch (RuntimeException e) {
                promise.setFailure(e);
            }
        }

        private static List<InetAddress> publicAddresses(String host) {
            return EgressPolicy.requirePublic(host, DnsWebhookEgress.resolve(host));
        }
    }
}
