package dev.ksefplatform.support.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.classify.BinaryExceptionClassifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;

class ProjectionErrorHandlerTest {

    @Test
    void everyFailureThatReachesTheContainerIsRetriedNeverSkipped() throws Exception {
        BinaryExceptionClassifier retries = classifier(ProjectionErrorHandler.retryingBatches());

        assertThat(retries.classify(new DataAccessResourceFailureException("database down"))).isTrue();
        assertThat(retries.classify(new ClassCastException("a bug"))).isTrue();
        assertThat(retries.classify(new IllegalStateException("anything"))).isTrue();
    }

    private static BinaryExceptionClassifier classifier(DefaultErrorHandler handler) throws Exception {
        Method getter = ExceptionClassifier.class.getDeclaredMethod("getClassifier");
        getter.setAccessible(true);
        return (BinaryExceptionClassifier) getter.invoke(handler);
    }
}
