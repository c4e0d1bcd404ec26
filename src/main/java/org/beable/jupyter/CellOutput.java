package org.beable.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.interp.Output;
import org.beable.interp.Values;
import org.beable.output.PlotData;
import org.beable.output.PlotDisplay;
import org.beable.output.Provenance;

/**
 * What a cell prints, as IOPub messages: plain values as a `stream`, a result or analysis as
 * a `display_data` with the terminal's table in `text/plain` and as `text/html`, a plot as
 * `image/svg+xml` and `image/png`. The value the REPL echoes (a cell's last expression) becomes
 * the cell's `execute_result`; since it is printed like any other value, the last printed value of
 * a cell that ends with an expression is held back until the cell ends and it is known which it was.
 * Every rich output carries the provenance (Beable version, seed) in its metadata.
 */
final class CellOutput implements Output, PlotDisplay {
    /** A printed value: plain text for a stream, or a rich bundle. */
    private record Shown(String text, ObjectNode bundle) {
        ObjectNode data() {
            if (bundle != null) return bundle;
            ObjectNode data = Message.JSON.objectNode();
            data.put("text/plain", text);
            return data;
        }
    }

    private final Consumer<Message> iopub;
    private final Supplier<ObjectNode> provenance;
    private Message request;
    private boolean muted;
    private boolean holdLast;
    private Shown held;

    CellOutput(Consumer<Message> iopub, Supplier<ObjectNode> provenance) {
        this.iopub = iopub;
        this.provenance = provenance;
    }

    /** Starts a cell: outputs become children of this request; `holdLast` when the cell ends with an expression. */
    void begin(Message request, boolean muted, boolean holdLast) {
        this.request = request;
        this.muted = muted;
        this.holdLast = holdLast;
        this.held = null;
    }

    /** The request whose outputs are being sent. */
    Message request() {
        return request;
    }

    /** Ends a cell: the held value is its `execute_result` when the REPL echoed it, otherwise an ordinary output. */
    void end(boolean echoed, int executionCount) {
        Shown last = held;
        held = null;
        if (last == null || muted) return;
        if (!echoed) {
            send(last);
            return;
        }
        ObjectNode content = Message.JSON.objectNode();
        content.put("execution_count", executionCount);
        content.set("data", last.data());
        content.set("metadata", provenance.get());
        iopub.accept(request.broadcast("execute_result", content).withMetadata(provenance.get()));
    }

    @Override
    public void print(List<Object> values) {
        Shown shown = shown(values);
        if (holdLast) {
            if (held != null) send(held);
            held = shown;
        } else {
            send(shown);
        }
    }

    @Override
    public void show(PlotData data, String title, Provenance provenance) {
        if (held != null) {
            send(held);
            held = null;
        }
        try {
            PlotImages.Images images = PlotImages.render(data, title, provenance);
            ObjectNode bundle = Message.JSON.objectNode();
            bundle.put("image/svg+xml", images.svg());
            bundle.put("image/png", images.pngBase64());
            bundle.put("text/plain", "plot: " + title);
            display(bundle);
        } catch (IOException | RuntimeException e) {
            stream("stderr", "the plot could not be drawn inline: " + e.getMessage() + "\n");
        }
    }

    /** Text the REPL said (help, notes) as a stream. */
    void stream(String name, String text) {
        if (muted || text.isEmpty()) return;
        ObjectNode content = Message.JSON.objectNode();
        content.put("name", name);
        content.put("text", text.endsWith("\n") ? text : text + "\n");
        iopub.accept(request.broadcast("stream", content));
    }

    private void display(ObjectNode bundle) {
        if (muted) return;
        ObjectNode content = Message.JSON.objectNode();
        content.set("data", bundle);
        content.set("metadata", provenance.get());
        content.set("transient", Message.JSON.objectNode());
        iopub.accept(request.broadcast("display_data", content).withMetadata(provenance.get()));
    }

    private void send(Shown shown) {
        if (shown.bundle() != null) display(shown.bundle());
        else stream("stdout", shown.text() + "\n");
    }

    /** As the terminal prints it: a result alone is a table, anything else one line of values. */
    private static Shown shown(List<Object> values) {
        if (values.size() == 1 && values.get(0) instanceof Tabular t) {
            Table table = t.toTable();
            ObjectNode bundle = Message.JSON.objectNode();
            bundle.put("text/plain", table.render().stripTrailing());
            bundle.put("text/html", HtmlTable.of(table));
            return new Shown(null, bundle);
        }
        StringBuilder line = new StringBuilder();
        for (Object value : values) {
            if (line.length() > 0) line.append(' ');
            line.append(Values.show(value));
        }
        return new Shown(line.toString(), null);
    }
}
