package org.gansweep.core.config;

/** A resolved pluggable part: its YAML name and its bound, checked parameters record. */
public record Component(String type, Record params) {}
