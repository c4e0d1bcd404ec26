package org.beable.interp;

import java.util.List;
import java.util.Map;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** A user function or lambda: compiled body, parameter count, and the frame it closes over. */
public final class FunctionValue implements Callable {
    private final String name;
    private final List<String> params;
    private final Node body;
    private final int frameSize;
    private final Frame closure;
    private java.util.function.DoubleUnaryOperator numeric;     // the body over primitive doubles, when it is plain arithmetic

    FunctionValue(String name, List<String> params, Node body, int frameSize, Frame closure) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.frameSize = frameSize;
        this.closure = closure;
    }

    @Override public String name() { return name; }

    FunctionValue withNumeric(java.util.function.DoubleUnaryOperator numeric) {
        this.numeric = numeric;
        return this;
    }

    /** The primitive-double version of this function, or null when its body is more than real arithmetic. */
    public java.util.function.DoubleUnaryOperator numeric() { return numeric; }
    public int arity() { return params.size(); }
    public List<String> params() { return params; }

    @Override
    public Object call(Interpreter interpreter, List<Object> args, Map<String, Object> named, Span span) {
        Frame frame = new Frame(frameSize, closure);
        int given = args.size();
        if (given > params.size()) throw arityError(span, given + named.size());
        for (int i = 0; i < given; i++) frame.slots[i] = args.get(i);
        for (Map.Entry<String, Object> e : named.entrySet()) {
            int index = params.indexOf(e.getKey());
            if (index < 0) {
                throw new BeableError(span, name + "() has no parameter '" + e.getKey() + "'",
                        "its parameters are: " + String.join(", ", params));
            }
            frame.slots[index] = e.getValue();
        }
        for (int i = 0; i < params.size(); i++) if (frame.slots[i] == null) throw arityError(span, given + named.size());
        return invoke(frame);
    }

    /**
     * This function of one number as a closure a model can call per trial. Plain arithmetic runs
     * over primitive doubles; a NaN or ∞ there (sqrt of a negative: complex in Beable; 1/0) or a redefined
     * builtin takes the general path, so the answer is always the script's own.
     */
    public java.util.function.DoubleUnaryOperator asRealFunction(Span span) {
        String result = "the value of " + name;     // built once: models call this per trial
        if (numeric == null) return x -> Values.real(call1(x), span, result);
        java.util.function.DoubleUnaryOperator fast = numeric;
        return x -> {
            try {
                double y = fast.applyAsDouble(x);
                if (Double.isFinite(y)) return y;     // else the general path says whether it is an error (1/0, an overflow)
            } catch (NumericLambda.Fallback ignored) {
                // fall through
            }
            return Values.real(call1(x), span, result);
        };
    }

    /** The fast path for models that call a user function per trial: no list, no map. */
    public Object call1(Object x) {
        Frame frame = new Frame(frameSize, closure);
        frame.slots[0] = x;
        return invoke(frame);
    }

    private Object invoke(Frame frame) {
        try {
            return body.eval(frame);
        } catch (ReturnSignal r) {
            return r.value;
        }
    }

    private BeableError arityError(Span span, int given) {
        return new BeableError(span, name + "() takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                + " (" + String.join(", ", params) + "), got " + given);
    }

    @Override
    public String toString() {
        return "fn " + name + "(" + String.join(", ", params) + ")";
    }
}
