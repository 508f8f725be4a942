package dev.ksefplatform.commandapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One kept-alive HTTP/1.1 connection driven byte by byte, to see what a server does between request parts. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("localhost", port);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends {@code bytes} a {@code chunk} at a time, pausing {@code pause} after each, until all are sent or the server
     * closed the connection; returns how many were sent before a write failed, or all of them.
     */
    int trickle(byte[] bytes, int chunk, Duration pause) throws InterruptedException {
        for (int sent = 0; sent < bytes.length; sent += chunk) {
            try {
                out.write(bytes, sent, Math.min(chunk, bytes.length - sent));
                out.flush();
            } catch (IOException closed) {
                return sent;
            }
            Thread.sleep(pause.toMillis());
        }
        return bytes.length;
    }

    /** True when the server sent nothing within {@code wait}. */
    boolean silentFor(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            int first = in.read();
            throw new AssertionError("the server answered before the request was complete, starting with '" + (char) first + "'");
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    Response response() throws IOException {
        socket.setSoTimeout(10_000);
        String statusLine = line();
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server closed the connection (end of stream) within ten seconds. */
    boolean closedByServer() throws IOException {
        socket.setSoTimeout(10_000);
        return in.read() == -1;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    static String post(String path, String headers, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, String body) {
    }
}
