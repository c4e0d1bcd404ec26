package org.beable.interp;

/** `none`: a setting value meaning "no measurement", and the value of statements. */
public enum NoneValue {
    NONE;

    @Override
    public String toString() {
        return "none";
    }
}
