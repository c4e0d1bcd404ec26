package org.beable.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.beable.format.Tabular;

/**
 * A printed line as text that can travel — into a journal that a resumed sweep replays, or back
 * from a sweep cell that ran in another process — in the form of one kind of output, so that
 * showing it there ({@link Output#printCarried}) gives the bytes a print here would have given.
 * The core knows the text form; the front ends provide theirs (json, csv) as services listed in
 * {@code META-INF/services/org.beable.interp.LineCarrier}.
 */
public interface LineCarrier {
    /** The output form this carrier serves: "text", "json", "csv". */
    String form();

    String carry(List<Object> values);

    /** As the text output shows a line: a table alone, or values joined by spaces. */
    LineCarrier TEXT = new LineCarrier() {
        @Override public String form() { return "text"; }

        @Override
        public String carry(List<Object> values) {
            if (values.size() == 1 && values.get(0) instanceof Tabular t) return t.toTable().render();
            List<String> parts = new ArrayList<>();
            for (Object v : values) parts.add(Values.show(v));
            return String.join(" ", parts);
        }
    };

    static LineCarrier of(String form) {
        if (form.equals(TEXT.form())) return TEXT;
        for (LineCarrier carrier : ServiceLoader.load(LineCarrier.class)) if (carrier.form().equals(form)) return carrier;
        throw new IllegalArgumentException("no output form '" + form + "' is installed");
    }
}
