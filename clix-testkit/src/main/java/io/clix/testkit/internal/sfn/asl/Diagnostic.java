package io.clix.testkit.internal.sfn.asl;

/** STUB (throwaway). */
public record Diagnostic(String severity, String code, String message, String location) {}
