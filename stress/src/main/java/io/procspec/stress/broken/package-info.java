/**
 * jcstress tests of deliberately broken copies of the run-queue code (the Java twins of the bug
 * catalogue, {@code io.procspec.mutants.Catalogue}, found by name):
 * each test is a correct test's twin, run against a version with one bug, to show that the suite
 * detects that bug (a FORBIDDEN outcome). The CI run excludes this package; run it with
 * {@code StressRun --broken} (see README.md).
 */
package io.procspec.stress.broken;
