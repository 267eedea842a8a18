/**
 * Deterministic control of the scheduling points of {@code io.procspec.runtime}: a
 * {@link io.procspec.control.Controller} that lets exactly one logical thread run between two
 * points as a {@link io.procspec.control.Schedule} decides, and an
 * {@link io.procspec.control.Explorer} that runs every interleaving of a small scenario up to a
 * bound on preemptions. Used by the property suite and meant for the conformance harness.
 */
package io.procspec.control;
