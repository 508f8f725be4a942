package dev.ksefplatform.commandapi.submission.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextCodecTest {

    private final Utf8TextCodec codec = new Utf8TextCodec();

    @Test
    void sendsTextInBinaryFormat() {
        byte[] xml = "<Faktura>Zażółć gęślą jaźń</Faktura>".getBytes(StandardCharsets.UTF_8);

        String parameter = codec.encode(new Utf8Text(xml)).toString();

        assertThat(parameter).contains("FORMAT_BINARY").contains("type=" + PostgresqlObjectId.TEXT.getObjectId());
    }

    @Test
    void encodesOnlyItsOwnTypeAndDecodesNothing() {
        assertThat(codec.canEncode(new Utf8Text(new byte[0]))).isTrue();
        assertThat(codec.canEncode("<Faktura/>")).isFalse();
        assertThat(codec.canEncodeNull(Utf8Text.class)).isFalse();
        assertThat(codec.canDecode(PostgresqlObjectId.TEXT.getObjectId(), Format.FORMAT_TEXT, String.class)).isFalse();
    }
}
