package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** A browser without a browser: keeps the console's cookies and reads each form's CSRF token from the page. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient client;
    private final Map<String, String> cookies = new HashMap<>();

    ConsoleSession(WebTestClient client) {
        this.client = client;
    }

    EntityExchangeResult<String> get(String path) {
        EntityExchangeResult<String> result = client.get().uri(path).cookies(c -> cookies.forEach(c::add))
                .exchange().expectBody(String.class).returnResult();
        keep(result.getResponseCookies());
        return result;
    }

    /** Posts a form from {@code page}, with the CSRF token that page carries. */
    EntityExchangeResult<String> postFrom(String page, String path, Map<String, String> fields) {
        String token = csrfOf(get(page).getResponseBody());
        Map<String, String> withToken = new HashMap<>(fields);
        withToken.put("_csrf", token);
        return post(path, withToken);
    }

    EntityExchangeResult<String> post(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        EntityExchangeResult<String> result = client.post().uri(path).cookies(c -> cookies.forEach(c::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectBody(String.class).returnResult();
        keep(result.getResponseCookies());
        return result;
    }

    /** A multipart form as a browser posts a file input: each file a part named {@code files}. */
    EntityExchangeResult<String> postFiles(String path, String csrfToken, Map<String, byte[]> files) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        if (csrfToken != null) {
            body.part("_csrf", csrfToken);
        }
        files.forEach((name, bytes) -> body.part("files", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.APPLICATION_XML));
        EntityExchangeResult<String> result = client.post().uri(path).cookies(c -> cookies.forEach(c::add))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectBody(String.class).returnResult();
        keep(result.getResponseCookies());
        return result;
    }

    /** A multipart form with plain fields and one file part, as a browser posts a form with a file input. */
    EntityExchangeResult<String> postForm(String path, String csrfToken, Map<String, String> fields, String fileField,
                                          String filename, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        if (csrfToken != null) {
            body.part("_csrf", csrfToken);
        }
        fields.forEach(body::part);
        body.part(fileField, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        EntityExchangeResult<String> result = client.post().uri(path).cookies(c -> cookies.forEach(c::add))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectBody(String.class).returnResult();
        keep(result.getResponseCookies());
        return result;
    }

    EntityExchangeResult<String> logIn(String login, String password) {
        return postFrom("/login", "/login", Map.of("username", login, "password", password));
    }

    /** The cookies kept, as a raw request's {@code Cookie} header value. */
    String cookieHeader() {
        return String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList());
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private void keep(MultiValueMap<String, ResponseCookie> set) {
        set.forEach((name, values) -> values.forEach(cookie -> {
            if (cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        }));
    }
}
