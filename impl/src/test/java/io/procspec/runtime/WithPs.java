package io.procspec.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A scheduler test run with 1, 2 and 4 Ps: the method takes the P count ({@code int nprocs}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} Ps")
@ValueSource(ints = {1, 2, 4})
@interface WithPs {}
