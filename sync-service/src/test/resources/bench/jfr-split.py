#!/usr/bin/env python3
"""CPU split of a JFR recording by layer, for the service's threads only (InvoiceCostBenchmark, README "Cost per invoice").

Usage: jfr print --events jdk.ExecutionSample rec.jfr | python3 jfr-split.py
Each execution sample is given to the first frame, from the leaf down, that belongs to a known layer; JDK frames
(java., jdk., sun.) are skipped so a HashMap lookup counts for whoever called it. Threads of the embedded broker
and of the harness are left out by name.
"""
import re
import sys
from collections import Counter

SERVICE_THREADS = re.compile(r"KafkaListenerEndpointContainer|-C-\d+|reactor-|parallel-|boundedElastic|r2dbc|"
                             r"kafka-producer-network-thread \| (sync|audit)|scheduling|ksef")
LAYERS = [
    ("Avro decoding", ("org.apache.avro.", "dev.ksefplatform.schemas.")),
    ("JSON (Jackson)", ("com.fasterxml.",)),
    ("R2DBC driver (encode/decode)", ("io.r2dbc.postgresql.",)),
    ("Netty I/O", ("io.netty.",)),
    ("Kafka consumer", ("org.apache.kafka.",)),
    ("XML (StAX)", ("com.ctc.", "org.codehaus.stax2", "com.sun.org.apache.xerces", "javax.xml")),
    ("Reactor", ("reactor.",)),
    ("Spring (R2DBC, Kafka, tx)", ("org.springframework.",)),
    ("Micrometer / logging", ("io.micrometer.", "ch.qos.logback", "org.slf4j")),
    ("service code", ("dev.ksefplatform.",)),
]
SKIPPED = ("java.", "jdk.", "sun.", "com.sun.proxy")

def layer(frames):
    for frame in frames:
        if frame.startswith(SKIPPED):
            continue
        for name, prefixes in LAYERS:
            if frame.startswith(prefixes):
                return name
        return "other: " + frame.split("(")[0].rsplit(".", 2)[0]
    return "JDK only: " + (frames[0].split("(")[0] if frames else "?")

def samples(lines):
    thread, frames, in_stack = None, [], False
    for line in lines:
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif line.startswith("sampledThread"):
            thread = line.split("=", 1)[1].strip().strip('"')
        elif line.startswith("stackTrace"):
            in_stack = True
        elif in_stack and line.startswith("]"):
            in_stack = False
            yield thread or "", frames
        elif in_stack and line and not line.startswith("..."):
            frames.append(line)

counts = Counter()
for thread, frames in samples(sys.stdin):
    if SERVICE_THREADS.search(thread):
        counts[layer(frames)] += 1
total = sum(counts.values()) or 1
print(f"{total} samples on the service's threads")
for name, n in counts.most_common(25):
    print(f"{100.0 * n / total:5.1f} %  {name}")
