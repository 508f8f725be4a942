/**
 * The fault suite: the platform as separate OS processes (two tenant-workers), a load of 20 tenants over REST, and a
 * process killed or a dependency restarted under it; the simulator's own counters say what KSeF received.
 */
package dev.ksefplatform.systemtests.faults;
