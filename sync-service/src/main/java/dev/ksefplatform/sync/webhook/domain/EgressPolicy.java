package dev.ksefplatform.sync.webhook.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a webhook may be delivered to: public unicast only. Loopback, link-local (cloud metadata at
 * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, IPv6 fc00::/7), carrier-grade NAT (100.64/10), the
 * unspecified address and multicast are refused, as are IPv4 addresses written as IPv6 (mapped or compatible).
 */
public final class EgressPolicy {

    private EgressPolicy() {
    }

    /** @throws EgressRefused when any of {@code host}'s addresses is not public (one private answer is enough) */
    public static List<InetAddress> requirePublic(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new EgressRefused("url host " + host + " resolves to a non-public address ("
                        + address.getHostAddress() + "); webhooks are delivered to public addresses only");
            }
        }
        return addresses;
    }

    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && embedsIpv4(bytes)) {
            return isPublicIpv4(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        }
        boolean refused = address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress();
        return !refused && (bytes.length == 4 ? isPublicIpv4(bytes) : (bytes[0] & 0xfe) != 0xfc);
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean refused = first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 169 && second == 254) || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168) || (first == 100 && second >= 64 && second <= 127);
        return !refused;
    }

    /** ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): the first ten bytes zero. */
    private static boolean embedsIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        return mapped || compatible;
    }
}
