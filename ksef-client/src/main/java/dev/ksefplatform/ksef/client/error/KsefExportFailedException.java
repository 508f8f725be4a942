package dev.ksefplatform.ksef.client.error;

/**
 * An invoice export ended with a status other than 200 (e.g. 210 expired, 415 key decryption error, 420 from after
 * the HWM), or was still in progress (100) when the client stopped waiting.
 */
public class KsefExportFailedException extends KsefOperationFailedException {

    public KsefExportFailedException(int statusCode, String description) {
        super("KSeF invoice export", statusCode, description);
    }

    /** 100: still running; 500/550: KSeF failed or cancelled it — a new export may succeed. */
    @Override
    public boolean retryable() {
        return statusCode() == 100 || statusCode() == 500 || statusCode() == 550;
    }
}
