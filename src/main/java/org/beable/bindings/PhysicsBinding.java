package org.beable.bindings;

import org.beable.interp.Binding;
import org.beable.interp.Interpreter;

/** The first binding: gives a session its physics ({@link Domain}), the built-in models by name, and the value types scripts see. */
public final class PhysicsBinding implements Binding {
    @Override
    public void install(Interpreter interpreter) {
        ScriptTypes.declare();
        interpreter.bind(new Domain(interpreter));
    }
}
