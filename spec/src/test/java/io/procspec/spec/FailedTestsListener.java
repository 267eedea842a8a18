package io.procspec.spec;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every failed test of the spec module becomes a failing item of the spec layer's summary
 * ({@code spec/target/procspec/summary.json}), so that the layer's verdict is "fail" whenever any
 * of its checks failed: not only a model whose TLC result was not the expected one (those record
 * their own items), but also the label and branch-probe coverage, a model's coverage
 * exemptions, the translation drift check, the label contract, the manifest check. Without it a
 * run whose coverage checks failed left a summary that said "pass" (and {@code ./procspec check
 * --reuse} then reported PASS).
 *
 * <p>Registered through {@code META-INF/services}; active only in the module's own test run (where
 * surefire sets {@code procspec.spec.dir}), so that it writes into the same place as
 * {@link SpecReports#SpecReports(SpecLayout)}.
 */
public final class FailedTestsListener implements TestExecutionListener {
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.FAILED || System.getProperty("procspec.spec.dir") == null) {
            return;
        }
        String name = "test failed: " + path(id);
        String message = result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .orElse("failed");
        if (message.length() > 2000) {
            message = message.substring(0, 2000) + " …";
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        String item = name.replaceAll("[^A-Za-z0-9 ._:()-]", "_");
        new SpecReports(SpecLayout.detect()).recordOther(item.length() > 150 ? item.substring(0, 150) : item, "fail", "pass",
                figures, message, Instant.now(), 0);
    }

    /** "Class > display name" for a test, the class name for a class, as surefire names them. */
    private String path(TestIdentifier id) {
        String n = id.getDisplayName();
        if (plan != null) {
            var parent = plan.getParent(id);
            while (parent.isPresent() && parent.get().getParentId().isPresent()) {
                n = parent.get().getDisplayName() + " > " + n;
                parent = plan.getParent(parent.get());
            }
        }
        return n;
    }
}
