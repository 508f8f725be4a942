package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** Asserts a page needs no 'unsafe-inline': no inline script, no style element or attribute, no event handler. */
public final class InlineCode {

    private static final Pattern SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style[\\s>]|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JS_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    private InlineCode() {
    }

    public static void assertNone(String html) {
        assertThat(html).isNotBlank();
        assertThat(SCRIPT.matcher(html).find()).as("an inline <script>").isFalse();
        assertThat(STYLE.matcher(html).find()).as("an inline style").isFalse();
        assertThat(HANDLER.matcher(html).find()).as("an inline event handler").isFalse();
        assertThat(JS_URL.matcher(html).find()).as("a javascript: URL").isFalse();
    }
}
