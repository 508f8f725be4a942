package dev.ksefplatform.commandapi.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits a {@link GatewayRecording}'s execution and allocation samples of command-api's threads into the request's
 * parts: each sample goes to the innermost frame of its stack that belongs to a known part (a frame of the JDK's
 * collections or concurrency is charged to whoever called it). Several recordings of one build pool their samples;
 * {@code -Dmethods=true} also lists the frames behind each part, for execution and for allocation. Command: command-api/README.md, "Load benchmark".
 */
public final class JfrSplit {

    /** Class-name prefix → part; the innermost matching frame wins, and among prefixes the first listed. */
    private static final List<String[]> PARTS = List.of(
            new String[] {"dev.ksefplatform.ksef.xml", "validation (FA(3) reading, XSD)"},
            new String[] {"com.sun.org.apache.xerces", "validation (FA(3) reading, XSD)"},
            new String[] {"javax.xml", "validation (FA(3) reading, XSD)"},
            new String[] {"dev.ksefplatform.commandapi.submission.domain.Sha256", "SHA-256 of the invoice"},
            new String[] {"dev.ksefplatform.commandapi.tenant", "authentication (API key)"},
            new String[] {"com.github.benmanes.caffeine", "authentication (API key)"},
            new String[] {"io.r2dbc", "R2DBC PostgreSQL"},
            new String[] {"org.springframework.r2dbc", "R2DBC PostgreSQL"},
            new String[] {"io.netty.handler.codec.http", "HTTP (Netty, Reactor Netty)"},
            new String[] {"reactor.netty.http", "HTTP (Netty, Reactor Netty)"},
            new String[] {"dev.ksefplatform.schemas", "Kafka publish (Avro record)"},
            new String[] {"org.apache.avro", "Kafka publish (Avro record)"},
            new String[] {"dev.ksefplatform.commandapi.submission.adapter.kafka", "Kafka publish (Avro record)"},
            new String[] {"org.apache.kafka", "Kafka publish (producer)"},
            new String[] {"org.springframework.kafka", "Kafka publish (producer)"},
            new String[] {"com.github.luben.zstd", "Kafka publish (zstd)"},
            new String[] {"ch.qos.logback", "logging"},
            new String[] {"org.slf4j", "logging"},
            new String[] {"dev.ksefplatform.schemas.logging", "logging"},
            new String[] {"io.micrometer", "metrics"},
            new String[] {"com.fasterxml.jackson", "JSON"},
            new String[] {"org.springframework.web", "WebFlux (routing, handlers, codecs)"},
            new String[] {"org.springframework.http", "WebFlux (routing, handlers, codecs)"},
            new String[] {"org.springframework.core", "WebFlux (routing, handlers, codecs)"},
            new String[] {"dev.ksefplatform.commandapi", "command-api's own code"},
            new String[] {"io.netty", "Netty (I/O, buffers)"},
            new String[] {"reactor.netty", "Netty (I/O, buffers)"},
            new String[] {"reactor.core", "Reactor operators and schedulers"},
            new String[] {"sun.nio", "socket I/O"},
            new String[] {"sun.security", "SHA-256 of the invoice"},
            new String[] {"java.security", "SHA-256 of the invoice"});

    private JfrSplit() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> cpu = new TreeMap<>();
        Map<String, Long> allocated = new TreeMap<>();
        Map<String, Long> methods = new TreeMap<>();
        Map<String, Long> allocatedBy = new TreeMap<>();
        List<RecordedEvent> events = new java.util.ArrayList<>();
        for (String file : args) {
            events.addAll(RecordingFile.readAllEvents(Path.of(file)));
        }
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") && isGateway(event.getThread("sampledThread"))) {
                cpu.merge(part(event), 1L, Long::sum);
                methods.merge(part(event) + " <- " + callers(event), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample") && isGateway(event.getThread("eventThread"))) {
                allocated.merge(part(event), event.getLong("weight"), Long::sum);
                allocatedBy.merge(part(event) + " <- " + callers(event), event.getLong("weight"), Long::sum);
            }
        }
        print("execution samples of command-api's threads", cpu);
        print("allocation samples of command-api's threads (weight)", allocated);
        if (Boolean.getBoolean("methods")) {
            print("execution samples by part and the frames that put them there", methods);
            print("allocation (weight) by part and the frames that put it there", allocatedBy);
        }
    }

    private static boolean isGateway(RecordedThread thread) {
        return thread != null && thread.getJavaName() != null && CpuMeter.group(thread.getJavaName()).startsWith(Figures.GATEWAY);
    }

    /** The part's frame and the application frame nearest to it on the stack (dev.ksefplatform or Spring). */
    private static String callers(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "";
        }
        String part = null;
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            String where = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            if (part == null && PARTS.stream().anyMatch(p -> type.startsWith(p[0]))) {
                part = where;
            } else if (part != null && type.startsWith("dev.ksefplatform")) {
                return part + " <- " + where;
            }
        }
        return String.valueOf(part);
    }

    private static String part(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "no stack";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String[] part : PARTS) {
                if (type.startsWith(part[0])) {
                    return part[1];
                }
            }
        }
        return "JDK or other";
    }

    private static void print(String title, Map<String, Long> parts) {
        long total = Math.max(1, parts.values().stream().mapToLong(Long::longValue).sum());
        System.out.printf("%s: %d%n", title, total);
        parts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }
}
