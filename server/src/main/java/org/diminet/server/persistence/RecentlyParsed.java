package org.diminet.server.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the last few hundred JSON texts of one column parsed to. An operation is read back many times
 * while it runs (every wave, every commit) and its service row as often, each time the same text:
 * parsing it again was a sixth of a master's CPU per create. The values are the core's immutable
 * records, so handing the same instance to several readers is safe; a text that changed is a new key.
 */
final class RecentlyParsed<T> {
    private final Map<String, T> recent;

    RecentlyParsed(int capacity) {
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value {@code text} parses to; {@code parse} runs only for a text not seen recently. */
    T get(String text, Function<String, T> parse) {
        synchronized (recent) {
            T known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        T parsed = parse.apply(text);
        synchronized (recent) {
            recent.put(text, parsed);
        }
        return parsed;
    }
}
