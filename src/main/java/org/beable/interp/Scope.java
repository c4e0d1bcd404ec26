package org.beable.interp;

import java.util.HashMap;
import java.util.Map;

/**
 * Compile-time scopes. Names resolve to a (frame depth, slot) pair, or — when no enclosing scope
 * declares them — to a global cell. A function body starts a new frame; blocks add slots to
 * the frame they sit in; a loop body gets a frame per iteration. The scope of a top-level statement defines globals with `let`.
 */
final class Scope {
    /** Slot counter shared by every scope that lives in one frame. */
    static final class Layout {
        int size;
    }

    record Resolved(int depth, int slot) {}

    private final Scope parent;
    private final Layout layout;
    private final boolean newFrame;
    private final boolean topLevel;
    private boolean sweepBody;
    private final Map<String, Integer> locals = new HashMap<>();

    private Scope(Scope parent, Layout layout, boolean newFrame, boolean topLevel) {
        this.parent = parent;
        this.layout = layout;
        this.newFrame = newFrame;
        this.topLevel = topLevel;
    }

    static Scope topLevel() {
        return new Scope(null, new Layout(), true, true);
    }

    Scope block() {
        return new Scope(this, layout, false, false);
    }

    /** The body of a loop: a frame of its own per iteration, enclosed by the loop's frame. */
    Scope iteration() {
        return new Scope(this, new Layout(), true, false);
    }

    /** A sweep's body: a frame of its own per cell, which may read the enclosing names but not assign them. */
    Scope sweepBody() {
        Scope s = new Scope(this, new Layout(), true, false);
        s.sweepBody = true;
        return s;
    }

    /** Whether this scope lies inside a sweep's body. */
    boolean insideSweep() {
        for (Scope s = this; s != null; s = s.parent) if (s.sweepBody) return true;
        return false;
    }

    /** Whether {@code name} resolves inside the nearest enclosing sweep body (so a cell may assign it); true outside sweeps. */
    boolean assignableInSweep(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.locals.containsKey(name)) return true;
            if (s.sweepBody) return false;
        }
        return true;
    }

    Scope function() {
        return new Scope(this, new Layout(), true, false);
    }

    boolean definesGlobals() {
        return topLevel;
    }

    int frameSize() {
        return layout.size;
    }

    int declare(String name) {
        int slot = layout.size++;
        locals.put(name, slot);
        return slot;
    }

    Resolved resolve(String name) {
        int depth = 0;
        for (Scope s = this; s != null; s = s.parent) {
            Integer slot = s.locals.get(name);
            if (slot != null) return new Resolved(depth, slot);
            if (s.newFrame) depth++;
        }
        return null;
    }
}
