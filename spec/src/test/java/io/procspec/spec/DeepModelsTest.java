package io.procspec.spec;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** The larger models ({@code @profile deep}); run with {@code mvn -pl spec -am verify -Pdeep}. */
@Tag("deep")
class DeepModelsTest {
    @TestFactory
    Stream<DynamicNode> deepModels() {
        return new ModelChecks().tests("deep", false);
    }
}
