package dev.ksefplatform.sync.schedule.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The subject types synced on a schedule, and how long a sync may run before it is presumed lost. */
public record ScheduleSettings(List<SubjectSchedule> subjects, Duration runningTimeout) {

    public ScheduleSettings {
        subjects = List.copyOf(subjects);
    }

    public Optional<SubjectSchedule> of(String subjectType) {
        return subjects.stream().filter(s -> s.subjectType().equals(subjectType)).findFirst();
    }

    public List<String> subjectTypes() {
        return subjects.stream().map(SubjectSchedule::subjectType).toList();
    }
}
