package dev.ksefplatform.commandapi.submission.adapter.r2dbc;

/**
 * A {@code text} parameter given as its UTF-8 bytes, which {@link Utf8TextCodec} sends as they are. Only for bytes
 * already checked to be UTF-8 (an inspected invoice): the server checks them again and refuses anything else.
 */
record Utf8Text(byte[] bytes) {
}
