package org.beable.interp;

import java.util.List;

/** Where `print` goes: text on a stream, or values collected for one JSON document. */
public interface Output {
    void print(List<Object> values);
}
