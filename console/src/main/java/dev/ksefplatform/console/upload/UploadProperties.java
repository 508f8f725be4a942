package dev.ksefplatform.console.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one upload may carry: files per upload, bytes per file (command-api refuses a body over 1,000,000 bytes
 * anyway). Beyond either the person is told so; the multipart reader's own limits (console.yml) stop anything larger.
 */
@ConfigurationProperties("console.upload")
public record UploadProperties(@DefaultValue("20") int maxFiles, @DefaultValue("1000000B") DataSize maxFileSize) {
}
