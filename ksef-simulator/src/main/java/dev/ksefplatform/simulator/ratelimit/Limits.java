package dev.ksefplatform.simulator.ratelimit;

/** Requests allowed per second, minute and hour ({@code 0} = no limit in that window). */
public record Limits(int perSecond, int perMinute, int perHour) {
}
