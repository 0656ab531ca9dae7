package org.diminet.core.service;

/** The result of one call in a fan-out: a value or the failure it ended with. */
public sealed interface Outcome<T> {
    record Ok<T>(T value) implements Outcome<T> {
    }

    record Failed<T>(RuntimeException error) implements Outcome<T> {
    }
}
