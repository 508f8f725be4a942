/**
 * KSeF fidelity: the real {@code ksef-client} against the real {@code ksef-simulator} (one in-process simulator per
 * test class), with every {@code /v2} exchange validated against the official {@code openapi.json} from the
 * ksef-client test-jar. {@link dev.ksefplatform.systemtests.ksef.RecordingHttpClient} taps the client's own
 * {@code HttpClient}; {@link dev.ksefplatform.systemtests.ksef.ContractLog} fails a test on any request or response the
 * spec does not allow. Pre-signed storage links (UPO, batch parts, export parts) are not part of the spec and are only
 * recorded. Run: {@code ./mvnw -q -B -pl system-tests verify -Dit.test='dev.ksefplatform.systemtests.ksef.*IT'
 * -Dsurefire.skip=true}.
 */
package dev.ksefplatform.systemtests.ksef;
