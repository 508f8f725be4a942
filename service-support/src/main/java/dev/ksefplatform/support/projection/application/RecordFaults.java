package dev.ksefplatform.support.projection.application;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.BadSqlGrammarException;

/**
 * Tells a failure that lies in a record's data, and so repeats on every delivery (poison), from one that lies in
 * the infrastructure (retried). PostgreSQL reports data it refuses as integrity violations (SQLSTATE class 23)
 * or data exceptions (class 22: a value too long for its column, a malformed number), which the R2DBC driver
 * raises as bad grammar.
 */
public final class RecordFaults {

    private static final String DATA_EXCEPTION = "22";

    private RecordFaults() {
    }

    public static boolean isInTheRecord(Throwable failure) {
        if (failure instanceof DataIntegrityViolationException) {
            return true;
        }
        return failure instanceof BadSqlGrammarException grammar && grammar.getR2dbcException().getSqlState() != null
                && grammar.getR2dbcException().getSqlState().startsWith(DATA_EXCEPTION);
    }
}
