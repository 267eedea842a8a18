package io.procspec.spec;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code models/*.cfg} with {@code @profile ci} through TLC (in forked JVMs, coverage
 * on): models that expect no error must report none and fire every label they do not exempt;
 * bug models must report exactly the violated property they name.  Finally every label must fire
 * in some passing model, and a summary (state counts, depth, times) goes to
 * {@code target/tlc/summary-ci.md}.
 */
@Tag("ci-models")
class CiModelsTest {
    @TestFactory
    Stream<DynamicNode> ciModels() {
        return new ModelChecks().tests("ci", true);
    }
}
