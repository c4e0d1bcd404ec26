package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value types the bindings declared. A value's type is found by its class, then by its
 * superclasses and interfaces (every analysis result is a {@code Tabular}), most specific first.
 */
public final class ValueTypes {
    private static final Map<Class<?>, ValueType<?>> DECLARED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Optional<ValueType<?>>> FOUND = new ConcurrentHashMap<>();

    private ValueTypes() {}

    public static void declare(ValueType<?> type) {
        DECLARED.put(type.javaClass(), type);
        FOUND.clear();
    }

    /** The declared type of a value, or null for core values and undeclared Java objects. */
    static ValueType<?> of(Object value) {
        if (value == null) return null;
        return FOUND.computeIfAbsent(value.getClass(), ValueTypes::search).orElse(null);
    }

    private static Optional<ValueType<?>> search(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (DECLARED.containsKey(c)) return Optional.of(DECLARED.get(c));
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            List<Class<?>> interfaces = new ArrayList<>(List.of(c.getInterfaces()));
            for (int k = 0; k < interfaces.size(); k++) {
                Class<?> i = interfaces.get(k);
                if (DECLARED.containsKey(i)) return Optional.of(DECLARED.get(i));
                interfaces.addAll(List.of(i.getInterfaces()));
            }
        }
        return Optional.empty();
    }

    /** Every declared type, for `:help fields`. */
    public static List<ValueType<?>> all() {
        List<ValueType<?>> types = new ArrayList<>(DECLARED.values());
        types.sort(java.util.Comparator.comparing(ValueType::description));
        return types;
    }
}
