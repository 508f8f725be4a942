package dev.ksefplatform.simulator.shared;

import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP/2 over plain http (h2c, {@code server.http2.enabled}), as KSeF speaks HTTP/2 over TLS: a client that upgrades
 * (ksef-client does) keeps one multiplexed connection instead of a connect per call (HTTP/1.1 here closes after each
 * request, see {@code ksef-simulator.yml}). The request that carries the upgrade is read whole before the switch, and
 * reactor-netty refuses any body on it by default (413), so it may carry the largest online invoice, encrypted and in
 * Base64. Batch parts (up to 100 MB) are uploaded without an upgrade.
 */
@Configuration
public class H2cServer {

    static final int UPGRADE_BODY_LIMIT = 2 * InvoiceVerifier.MAX_SIZE + 64 * 1024;

    @Bean
    public WebServerFactoryCustomizer<NettyReactiveWebServerFactory> h2cUpgradeBodies() {
        return factory -> factory.addServerCustomizers(server ->
                server.httpRequestDecoder(decoder -> decoder.h2cMaxContentLength(UPGRADE_BODY_LIMIT)));
    }
}
