package org.beable.interp;

/** The local variables of one function call (or one top-level statement), with the frame it closes over. */
public final class Frame {
    final Object[] slots;
    final Frame parent;

    Frame(int size, Frame parent) {
        this.slots = new Object[size];
        this.parent = parent;
    }

    Frame up(int depth) {
        Frame f = this;
        for (int i = 0; i < depth; i++) f = f.parent;
        return f;
    }
}
