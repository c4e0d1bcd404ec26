package org.beable.interp;

import java.util.List;

/** Where `print` goes: text on a stream, or values collected for one JSON document. */
public interface Output {
    void print(List<Object> values);

    /** This output's form (see {@link LineCarrier}): how a line printed elsewhere travels to it. */
    default String form() {
        return LineCarrier.TEXT.form();
    }

    /** Shows a line that the {@link LineCarrier} of this output's form made, here or in another process. */
    default void printCarried(String carried) {
        print(List.of(carried));
    }
}
