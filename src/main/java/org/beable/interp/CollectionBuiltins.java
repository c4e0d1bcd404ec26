package org.beable.interp;

import java.util.ArrayList;
import java.util.List;

import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Lists and aggregates: len, sum, mean, min, max, map, filter, append, and random numbers from the session's seed. */
final class CollectionBuiltins {
    private CollectionBuiltins() {}

    static void install(Interpreter in) {
        in.define("len", Builtins.fixed("len", "len(list)", "number of items in a list or range", 1, (it, a, n, s) -> {
            Object x = a.get(0);
            if (x instanceof RangeValue r) return r.size();
            if (x instanceof String str) return (double) str.length();
            return (double) Builtins.items(x, s).size();
        }));
        in.define("sum", new Builtin("sum", "sum(list) or sum(a, b, …)", "sum of numbers (complex allowed)", 1, -1,
                (it, a, n, s) -> {
                    Object total = 0.0;
                    for (Object x : MathBuiltins.numbers(a, s, "sum")) total = Operators.binary(org.beable.syntax.Expr.BinaryOp.ADD, total, x, s);
                    return total;
                }));
        in.define("mean", new Builtin("mean", "mean(list) or mean(a, b, …)", "arithmetic mean", 1, -1, (it, a, n, s) -> {
            List<Object> xs = MathBuiltins.numbers(a, s, "mean");
            if (xs.isEmpty()) throw new BeableError(s, "the mean of no numbers is undefined");
            double total = 0;
            for (Object x : xs) total += Values.real(x, s, "mean's items");
            return total / xs.size();
        }));
        in.define("min", extreme("min", -1));
        in.define("max", extreme("max", 1));
        in.define("map", Builtins.fixed("map", "map(f, list)", "the list of f(x) for each x", 2, (it, a, n, s) -> {
            List<Object> out = new ArrayList<>();
            for (Object x : Builtins.items(a.get(1), s)) out.add(it.call(a.get(0), s, x));
            return List.copyOf(out);
        }));
        in.define("filter", Builtins.fixed("filter", "filter(f, list)", "the items x for which f(x) is true", 2, (it, a, n, s) -> {
            List<Object> out = new ArrayList<>();
            for (Object x : Builtins.items(a.get(1), s)) if (Values.truthy(it.call(a.get(0), s, x), s)) out.add(x);
            return List.copyOf(out);
        }));
        in.define("append", Builtins.fixed("append", "append(list, x)", "a new list with x added at the end", 2, (it, a, n, s) -> {
            List<Object> out = Builtins.items(a.get(0), s);
            out.add(a.get(1));
            return List.copyOf(out);
        }));
        in.define("zip", new Builtin("zip", "zip(xs, ys, …)", "the lists [x, y, …] of items at the same place (as long as the shortest)", 2, -1,
                (it, a, n, s) -> {
                    List<List<Object>> lists = new ArrayList<>();
                    for (Object x : a) lists.add(Builtins.items(x, s));
                    int length = lists.stream().mapToInt(List::size).min().orElse(0);
                    List<Object> out = new ArrayList<>(length);
                    for (int k = 0; k < length; k++) {
                        List<Object> tuple = new ArrayList<>(lists.size());
                        for (List<Object> list : lists) tuple.add(list.get(k));
                        out.add(List.copyOf(tuple));
                    }
                    return List.copyOf(out);
                }));
        in.define("list", Builtins.fixed("list", "list(range)", "the values of a range as a list", 1,
                (it, a, n, s) -> List.copyOf(Builtins.items(a.get(0), s))));
        in.define("str", Builtins.fixed("str", "str(x)", "the printed form of a value", 1, (it, a, n, s) -> Values.show(a.get(0))));
        in.define("random", Builtins.fixed("random", "random()", "a uniform number in [0, 1) from the session's seeded generator", 0,
                (it, a, n, s) -> it.random().nextDouble()));
    }

    private static Builtin extreme(String name, int sign) {
        return new Builtin(name, name + "(list) or " + name + "(a, b, …)", (sign > 0 ? "largest" : "smallest") + " of numbers", 1, -1,
                (it, a, n, s) -> {
                    List<Object> xs = MathBuiltins.numbers(a, s, name);
                    if (xs.isEmpty()) throw new BeableError(s, name + "() of no numbers is undefined");
                    double best = Values.real(xs.get(0), s, name + "'s items");
                    for (Object x : xs) {
                        double v = Values.real(x, s, name + "'s items");
                        if (sign * (v - best) > 0 || Double.isNaN(v)) best = v;
                    }
                    return best;
                });
    }

}
