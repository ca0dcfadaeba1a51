package dev.sigil.signatures.tracee;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test once with each {@link OpenFlagsForm}, its parameter: a signature that reads open
 * flags must read Tracee's default output and its parsed output alike.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "flags printed as {0}")
@EnumSource(OpenFlagsForm.class)
@interface EachOpenFlagsForm {}
