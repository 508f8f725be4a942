package dev.ksefplatform.deploy;

/** Where a running platform's apps answer, and the admin token it was given: an in-JVM stack or separate processes. */
public interface PlatformEndpoints {

    /** Base URL of an app named in {@link Apps}. */
    String url(String app);

    StackSettings.Secrets secrets();
}
