package org.beable.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value of a model's hidden state λ, by named part ("state", "coins", "lambda", "basis",
 * ...). Which parts count as Bell's hidden variables is the user's choice at analysis time,
 * so λ keeps its parts apart instead of flattening them.
 */
public record Beables(Map<String, Object> parts) {
    public Beables {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    public static Beables of(String name, Object value) {
        return new Beables(Map.of(name, value));
    }

    public Object get(String name) {
        return parts.get(name);
    }
}
