package dev.ksefplatform.simulator.invoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Accepted documents on disk, in one append-only file: a handle ({@code offset << 24 | length}, one {@code long} per
 * invoice) reads a document back. Positional reads need no lock, so downloads and exports never wait for appends.
 */
final class DocumentStore {

    static final int MAX_LENGTH = (1 << 24) - 1;

    private Path file;
    private volatile FileChannel channel;
    private long size;

    synchronized long append(byte[] document) {
        if (document.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a document of " + document.length + " B does not fit a handle");
        }
        try {
            long offset = size;
            ByteBuffer buffer = ByteBuffer.wrap(document);
            while (buffer.hasRemaining()) {
                channel().write(buffer, offset + buffer.position());
            }
            size += document.length;
            return offset << 24 | document.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an accepted document", e);
        }
    }

    byte[] read(long handle) {
        ByteBuffer buffer = ByteBuffer.allocate((int) (handle & MAX_LENGTH));
        long offset = handle >>> 24;
        try {
            FileChannel reader = channel;
            while (buffer.hasRemaining()) {
                if (reader.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("the document store ends before " + offset);
                }
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an accepted document", e);
        }
    }

    /** At shutdown: the documents live only as long as the simulator's memory does. */
    synchronized void delete() {
        try {
            if (channel != null) {
                channel.close();
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            file = Files.createTempFile("ksef-simulator-invoices", ".dat");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }
}
