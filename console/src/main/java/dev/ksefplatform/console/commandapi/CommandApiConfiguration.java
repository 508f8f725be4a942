package dev.ksefplatform.console.commandapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

@Configuration(proxyBeanMethods = false)
class CommandApiConfiguration {

    /**
     * A new connection per call: the platform's servers answer one request per connection (reactor-netty 1.2.18's
     * kept-alive read stall, see the services' yml); a console's traffic is small.
     */
    @Bean
    CommandApi commandApi(@Value("${ksef.services.command-api.url}") String url, CommandApiProperties properties) {
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection()).responseTimeout(properties.timeout());
        return new CommandApi(WebClient.builder()
                .baseUrl(url)
                .clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build());
    }
}
