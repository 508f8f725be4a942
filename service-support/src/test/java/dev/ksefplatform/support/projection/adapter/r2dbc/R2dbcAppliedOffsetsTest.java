package dev.ksefplatform.support.projection.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class R2dbcAppliedOffsetsTest {

    @Test
    void offsetsLiveInTheServicesSchema() {
        assertThat(new R2dbcAppliedOffsets(null, "sync").table()).isEqualTo("sync.applied_offsets");
        assertThat(new R2dbcAppliedOffsets(null, "audit").table()).isEqualTo("audit.applied_offsets");
    }

    @Test
    void schemaThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> new R2dbcAppliedOffsets(null, "sync; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new R2dbcAppliedOffsets(null, "Sync")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new R2dbcAppliedOffsets(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
