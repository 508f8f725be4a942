package dev.ksefplatform.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What one service's JFR recording says: Java execution samples by thread and by the project's own frame (the first
 * {@code dev.ksefplatform} frame of the stack, else the top frame), allocation by the same frame (per second at rest,
 * per invoice in the cost benchmark), and the GCs.
 */
final class JfrSummary {

    private static final int LINES = 8;

    private JfrSummary() {
    }

    static String lines(String label, Path file, double per, String unit) {
        Map<String, Double> byThread = new HashMap<>();
        Map<String, Double> byFrame = new HashMap<>();
        Map<String, Double> allocated = new HashMap<>();
        double[] gc = new double[2];
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        String thread = e.getThread("sampledThread").getJavaName().replaceAll("[0-9]+", "#");
                        byThread.merge(thread, 1.0, Double::sum);
                        byFrame.merge(frame(e.getStackTrace()), 1.0, Double::sum);
                    }
                    case "jdk.ObjectAllocationSample" ->
                            allocated.merge(frame(e.getStackTrace()), e.getLong("weight") / 1024.0, Double::sum);
                    case "jdk.GarbageCollection" -> {
                        gc[0]++;
                        gc[1] += e.getDuration().toNanos() / 1e6;
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format("FIGURE %s: %.0f GCs, %.0f ms; execution samples (one per 10 ms of a running Java thread)"
                        + " by thread:%s%n    by frame:%s%n    allocated KB per %s by frame:%s",
                label, gc[0], gc[1], top(byThread, 1), top(byFrame, 1), unit, top(allocated, per));
    }

    private static String frame(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = stack.getFrames();
        RecordedFrame own = frames.stream()
                .filter(f -> f.getMethod().getType().getName().startsWith("dev.ksefplatform")).findFirst()
                .orElse(frames.get(0));
        String top = name(frames.get(0));
        return own == frames.get(0) ? top : name(own) + " > " + top;
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String top(Map<String, Double> counts, double per) {
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(LINES)
                .forEach(e -> out.append(String.format("%n        %9.2f  %s", e.getValue() / per, e.getKey())));
        return out.toString();
    }
}
