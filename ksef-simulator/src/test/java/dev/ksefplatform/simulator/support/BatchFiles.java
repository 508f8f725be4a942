package dev.ksefplatform.simulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds a batch package as a client does: ZIP, binary split into parts, each part AES-encrypted. */
public final class BatchFiles {

    private BatchFiles() {
    }

    public static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static List<byte[]> split(byte[] archive, int parts) {
        List<byte[]> result = new ArrayList<>();
        int size = (archive.length + parts - 1) / parts;
        for (int from = 0; from < archive.length; from += size) {
            result.add(Arrays.copyOfRange(archive, from, Math.min(archive.length, from + size)));
        }
        return result;
    }
}
