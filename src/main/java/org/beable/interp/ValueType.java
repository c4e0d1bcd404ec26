package org.beable.interp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * How scripts see a Java value the core does not know (a ket, an experiment, a CHSH result):
 * its type name, its printed form, the number it stands for in arithmetic, and the fields a
 * script may read with a dot. The binding that makes such values declares them here, field by
 * field; nothing else of the Java class is visible, so renaming a Java method cannot change
 * the language.
 */
public final class ValueType<T> {
    /** A field a script reads as {@code value.name}. */
    public record Field<T>(String name, String help, Function<T, Object> read) {}

    /** A method a script calls as {@code value.name(args)}. */
    @FunctionalInterface
    public interface Method<T> {
        Object call(T target, List<Object> args, Span span);
    }

    private final Class<T> javaClass;
    private final Function<T, String> name;
    private final String description;
    private Function<T, String> show = String::valueOf;
    private Function<T, Object> scalar;
    private java.util.function.Predicate<T> finite = v -> true;
    private final Map<String, Field<T>> fields = new LinkedHashMap<>();

    private ValueType(Class<T> javaClass, Function<T, String> name, String description) {
        this.javaClass = javaClass;
        this.name = name;
        this.description = description;
    }

    /** A type whose every value has the same name ("experiment", "result of an analysis"). */
    public static <T> ValueType<T> of(Class<T> javaClass, String name) {
        return new ValueType<>(javaClass, v -> name, name);
    }

    /** A type whose name depends on the value (a quantum object is a ket, a bra or an operator). */
    public static <T> ValueType<T> of(Class<T> javaClass, String description, Function<T, String> name) {
        return new ValueType<>(javaClass, name, description);
    }

    public ValueType<T> shownAs(Function<T, String> show) {
        this.show = show;
        return this;
    }

    /** The number the value stands for in arithmetic and comparisons (S for a CHSH result). */
    public ValueType<T> standsFor(Function<T, Object> scalar) {
        this.scalar = scalar;
        return this;
    }

    /** When a value of this type holds only finite numbers (no NaN, no ±∞): results that do not are errors where made. */
    public ValueType<T> finiteWhen(java.util.function.Predicate<T> finite) {
        this.finite = finite;
        return this;
    }

    public ValueType<T> field(String name, String help, Function<T, Object> read) {
        fields.put(name, new Field<>(name, help, read));
        return this;
    }

    /** A field that is a method: {@code report.holds("PI")}. */
    public ValueType<T> method(String name, String signature, String help, int arguments, Method<T> method) {
        fields.put(name, new Field<>(name, signature + ": " + help, target -> new Builtin(name, signature, help, arguments, arguments,
                (interpreter, args, named, span) -> method.call(target, args, span))));
        return this;
    }

    public Class<T> javaClass() { return javaClass; }
    public String description() { return description; }
    public Map<String, Field<T>> fields() { return Collections.unmodifiableMap(fields); }

    String name(Object value) { return name.apply(javaClass.cast(value)); }
    String show(Object value) { return show.apply(javaClass.cast(value)); }
    boolean finite(Object value) { return finite.test(javaClass.cast(value)); }
    Object scalar(Object value) { return scalar == null ? value : scalar.apply(javaClass.cast(value)); }

    Object read(Object target, String fieldName, Span span) {
        Field<T> field = fields.get(fieldName);
        if (field == null) {
            throw new BeableError(span, Values.aTypeName(target) + " has no field '" + fieldName + "'",
                    fields.isEmpty() ? null : "its fields are: " + String.join(", ", fields.keySet()));
        }
        return Values.fromJava(field.read().apply(javaClass.cast(target)));
    }
}
