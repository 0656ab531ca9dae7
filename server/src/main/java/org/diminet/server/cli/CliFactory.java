package org.diminet.server.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates picocli's commands and mixins, handing the {@link CliEnvironment} to those whose constructor
 * takes one; every other class is made as picocli would make it.
 */
public final class CliFactory implements CommandLine.IFactory {
    private final CliEnvironment environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CliFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliEnvironment.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(environment));
            }
        }
        return fallback.create(type);
    }
}
