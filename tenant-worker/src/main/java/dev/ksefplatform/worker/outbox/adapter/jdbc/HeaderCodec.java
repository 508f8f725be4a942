package dev.ksefplatform.worker.outbox.adapter.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kafka headers as the outbox stores them: count, then (UTF name, length, bytes) each, in order. */
public final class HeaderCodec {

    private HeaderCodec() {
    }

    public static byte[] encode(Map<String, byte[]> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(headers.size());
            for (Map.Entry<String, byte[]> header : headers.entrySet()) {
                out.writeUTF(header.getKey());
                byte[] value = header.getValue() == null ? new byte[0] : header.getValue();
                out.writeInt(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Map<String, byte[]> decode(byte[] encoded) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (encoded == null) {
            return headers;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                headers.put(name, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers;
    }
}
