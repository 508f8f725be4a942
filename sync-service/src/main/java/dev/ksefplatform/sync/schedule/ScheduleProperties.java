package dev.ksefplatform.sync.schedule;

import dev.ksefplatform.sync.inbox.domain.SubjectTypes;
import dev.ksefplatform.sync.schedule.domain.ScheduleSettings;
import dev.ksefplatform.sync.schedule.domain.SubjectSchedule;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sync.schedule.*}: whether this instance schedules, how often it looks, how long a sync may run before it
 * is presumed lost, and per subject type the period and the window the tenants are spread over.
 */
@ConfigurationProperties("sync.schedule")
public record ScheduleProperties(boolean enabled, Duration tick, Duration runningTimeout,
                                 Map<String, SubjectProperties> subjects) {

    public ScheduleProperties {
        subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
        subjects.keySet().forEach(SubjectTypes::require);
    }

    ScheduleSettings settings() {
        return new ScheduleSettings(SubjectTypes.ALL.stream().filter(subjects::containsKey)
                .map(subject -> subjects.get(subject).schedule(subject)).toList(), runningTimeout);
    }

    /** Every {@code period}; the window defaults to the whole period. */
    public record SubjectProperties(Duration period, Duration windowStart, Duration windowLength) {

        SubjectSchedule schedule(String subjectType) {
            Duration start = windowStart == null ? Duration.ZERO : windowStart;
            return new SubjectSchedule(subjectType, period, start,
                    windowLength == null ? period.minus(start) : windowLength);
        }
    }
}
