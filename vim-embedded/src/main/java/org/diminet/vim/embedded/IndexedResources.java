package org.diminet.vim.embedded;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Resources by id, in creation order, that can also be found by one of their values (a network by its
 * name, a subnet by its CIDR) without reading them all: DIMINET asks "which networks have this name?"
 * and "which subnets overlap this CIDR?" for every L2 part, and with ten thousand networks a scan made
 * those questions the largest cost of a create. Every change goes through {@link #put}, {@link #remove}
 * or {@link #clear}, which keep the index in step.
 */
final class IndexedResources<V> extends LinkedHashMap<String, V> {
    private final transient Function<V, String> indexKey;
    private final transient NavigableMap<String, Set<String>> idsByKey = new TreeMap<>();

    /** @param indexKey the value a resource is found by; keys sort so that ranges of them mean something */
    IndexedResources(Function<V, String> indexKey) {
        this.indexKey = indexKey;
    }

    @Override
    public V put(String id, V value) {
        V old = super.put(id, value);
        if (old != null) {
            unindex(id, old);
        }
        idsByKey.computeIfAbsent(indexKey.apply(value), k -> new LinkedHashSet<>()).add(id);
        return old;
    }

    @Override
    public V remove(Object id) {
        V old = super.remove(id);
        if (old != null) {
            unindex((String) id, old);
        }
        return old;
    }

    @Override
    public void clear() {
        super.clear();
        idsByKey.clear();
    }

    /** The resources whose key is exactly {@code key}. */
    List<V> withKey(String key) {
        return idsByKey.getOrDefault(key, Set.of()).stream().map(this::get).toList();
    }

    /** The resources whose key lies between {@code from} and {@code to}, both included, in key order. */
    List<V> withKeyBetween(String from, String to) {
        return idsByKey.subMap(from, true, to, true).values().stream().flatMap(Set::stream).map(this::get).toList();
    }

    private void unindex(String id, V old) {
        String key = indexKey.apply(old);
        Set<String> ids = idsByKey.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            idsByKey.remove(key);
        }
    }
}
