package org.beable.jupyter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.beable.interp.Interpreter;
import org.beable.output.Version;
import org.beable.repl.EmbeddedRepl;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.Stmt;
import org.beable.syntax.SyntaxErrors;
import org.zeromq.ZMQ;

/**
 * A Beable kernel: one REPL session (see {@link EmbeddedRepl}) behind the Jupyter protocol.
 * Shell requests are answered one at a time on a thread of their own, with a stack as large as
 * the command line gives the interpreter; control requests (interrupt, shutdown) on another, so
 * they arrive while a cell runs. Every request is framed by busy / idle status on IOPub.
 */
public final class Kernel implements AutoCloseable {
    private static final long STACK = 512L << 20;

    private final Channels channels;
    /** The session, built on a thread of its own while the sockets bind and the front end connects. */
    private final CompletableFuture<EmbeddedRepl> session = new CompletableFuture<>();
    private final CellOutput output;
    private final NotebookProgress progress;
    private final String sessionId = UUID.randomUUID().toString();
    private final List<String> history = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shell;
    private final Thread control;
    private volatile boolean running = true;
    private int executionCount;

    private Kernel(ConnectionInfo info, Interpreter.Options options) {
        // Outputs publish on the channels bound below; nothing is printed before the first request.
        this.output = new CellOutput(this::publish, this::provenance);
        this.progress = new NotebookProgress(this::publish, output::request, System::nanoTime);
        Thread builder = new Thread(() -> build(options), "beable-session");
        builder.setDaemon(true);
        builder.start();
        this.channels = new Channels(info, new Wire(new Signer(info.signatureScheme(), info.key())));
        this.shell = new Thread(null, () -> serve(channels.shell, this::onShell), "beable-shell", STACK);
        this.control = new Thread(() -> serve(channels.control, this::onControl), "beable-control");
    }

    /** A kernel bound to the connection file's ports and answering requests. */
    public static Kernel start(java.nio.file.Path connectionFile, Interpreter.Options options) throws java.io.IOException {
        Kernel kernel = new Kernel(ConnectionInfo.read(connectionFile), options);
        kernel.channels.publish(Message.unprompted(kernel.sessionId, "status", state("starting")));
        kernel.shell.start();
        kernel.control.start();
        return kernel;
    }

    /** Builds the session, then warms up the paths a first cell takes. */
    private void build(Interpreter.Options options) {
        try {
            session.complete(new EmbeddedRepl(() -> {
                Interpreter interpreter = new Interpreter(options, output);
                interpreter.setProgress(progress);
                return interpreter;
            }));
        } catch (RuntimeException | Error e) {
            session.completeExceptionally(e);
            throw e;
        }
        warmUp(options);
    }

    private void publish(Message message) {
        channels.publish(message);
    }

    private EmbeddedRepl repl() {
        return session.join();
    }

    /**
     * Loads and compiles the parser, compiler and JSON paths on a throwaway interpreter while the
     * front end is still connecting, so the first cell does not pay for it. The session's own
     * interpreter is not touched (its seed and names stay as a fresh session's).
     */
    private static void warmUp(Interpreter.Options options) {
        Interpreter scratch = new Interpreter(options, values -> { });
        scratch.run(new Source("<warm-up>", "let w = [1, 2, 3]\nfor k in w { w = append(w, sqrt(k) * 2) }\nstr(len(w))"));
        isComplete("for k in 1 .. 2 {");
        Wire.bytes(kernelInfo());
    }

    /** Blocks until a shutdown request arrives. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Cancels the running cell and keeps the session (an interrupt request, or SIGINT). */
    public void interrupt() {
        if (session.isDone() && !session.isCompletedExceptionally()) repl().cancel();
    }

    @Override
    public void close() {
        running = false;
        interrupt();
        join(shell);
        join(control);
        channels.close();
        stopped.countDown();
    }

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) return;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Handler {
        void handle(ZMQ.Socket socket, Message request);
    }

    private void serve(ZMQ.Socket socket, Handler handler) {
        while (running) {
            Message request = channels.receive(socket);
            if (request == null) continue;
            channels.publish(request.broadcast("status", state("busy")));
            try {
                handler.handle(socket, request);
            } catch (RuntimeException | StackOverflowError e) {
                // A bug in the kernel: the request goes unanswered, but the kernel lives and the log has the trace.
                System.err.println("beable kernel: internal error while answering " + request.type() + "; this is a bug in Beable");
                e.printStackTrace();
            } finally {
                channels.publish(request.broadcast("status", state("idle")));
            }
        }
    }

    // ------------------------------------------------------------------ shell

    private void onShell(ZMQ.Socket socket, Message request) {
        ObjectNode content = request.content();
        switch (request.type()) {
            case "execute_request" -> channels.reply(socket, execute(request));
            case "kernel_info_request" -> channels.reply(socket, request.reply("kernel_info_reply", kernelInfo()));
            case "complete_request" -> channels.reply(socket, request.reply("complete_reply", complete(content)));
            case "inspect_request" -> channels.reply(socket, request.reply("inspect_reply", inspect(content)));
            case "is_complete_request" -> channels.reply(socket, request.reply("is_complete_reply", isComplete(content.path("code").asText())));
            case "history_request" -> channels.reply(socket, request.reply("history_reply", history(content)));
            case "comm_info_request" -> {
                ObjectNode reply = ok();
                reply.putObject("comms");
                channels.reply(socket, request.reply("comm_info_reply", reply));
            }
            case "shutdown_request" -> channels.reply(socket, shutdown(request));
            default -> { }     // comm messages and anything newer: Beable has no widgets
        }
    }

    private Message execute(Message request) {
        ObjectNode content = request.content();
        String code = content.path("code").asText();
        boolean silent = content.path("silent").asBoolean(false);
        boolean store = !silent && content.path("store_history").asBoolean(true);
        if (store) {
            executionCount++;
            history.add(code);
        }
        int count = executionCount;
        if (!silent) {
            ObjectNode input = Message.JSON.objectNode();
            input.put("code", code);
            input.put("execution_count", count);
            channels.publish(request.broadcast("execute_input", input));
        }
        output.begin(request, silent, endsWithExpression(code));
        EmbeddedRepl.Outcome outcome;
        try {
            outcome = repl().run(code, "cell[" + count + "]");     // errors read cell[3]:2:7, as In[3] names the cell
        } finally {
            progress.finish();
        }
        output.end(outcome.echoed(), count);
        ObjectNode reply = Message.JSON.objectNode();
        switch (outcome.status()) {
            case DONE -> {
                output.stream("stdout", outcome.said());
                reply.put("status", "ok");
            }
            case QUIT -> {
                output.stream("stdout", "`:quit` does not end a notebook's kernel: use the notebook's Shut Down (or Restart)");
                reply.put("status", "ok");
            }
            case FAILED -> error(request, reply, "BeableError", outcome.said());
            case CANCELLED -> error(request, reply, "Interrupted", outcome.said());
        }
        reply.put("execution_count", count);
        reply.putObject("user_expressions");
        reply.putArray("payload");
        return request.reply("execute_reply", reply).withMetadata(provenance());
    }

    /** An `error` on IOPub and in the reply: the located message, the source line, the caret, the hint; no Java trace. */
    private void error(Message request, ObjectNode reply, String name, String said) {
        String text = said.stripTrailing();
        reply.put("status", "error");
        reply.put("ename", name);
        reply.put("evalue", text.lines().findFirst().orElse(name));
        ArrayNode traceback = reply.putArray("traceback");
        text.lines().forEach(traceback::add);
        if (!request.content().path("silent").asBoolean(false)) {
            ObjectNode broadcast = reply.deepCopy();
            broadcast.remove("status");
            channels.publish(request.broadcast("error", broadcast));
        }
    }

    /** Whether the cell's last statement is an expression, whose value the REPL echoes. */
    private static boolean endsWithExpression(String code) {
        try {
            List<Stmt> statements = Parser.parse(new Source("<cell>", code));
            return !statements.isEmpty() && statements.get(statements.size() - 1) instanceof Stmt.ExprStmt;
        } catch (SyntaxErrors e) {
            return false;
        }
    }

    private static ObjectNode kernelInfo() {
        ObjectNode info = ok();
        info.put("protocol_version", Message.PROTOCOL_VERSION);
        info.put("implementation", "beable");
        info.put("implementation_version", Version.current());
        ObjectNode language = info.putObject("language_info");
        language.put("name", "beable");
        language.put("version", Version.current());
        language.put("mimetype", "text/x-beable");
        language.put("file_extension", ".beable");
        language.put("pygments_lexer", "text");
        language.put("codemirror_mode", "text/plain");
        info.put("banner", "Beable " + Version.current() + ": an experiment language for quantum foundations. :help for help.");
        info.put("debugger", false);
        info.putArray("help_links");
        return info;
    }

    private ObjectNode complete(ObjectNode content) {
        String code = content.path("code").asText();
        int cursor = CodePoints.toIndex(code, content.path("cursor_pos").asInt(code.codePointCount(0, code.length())));
        EmbeddedRepl.Completions completions = repl().complete(code, cursor);
        ObjectNode reply = ok();
        ArrayNode matches = reply.putArray("matches");
        completions.matches().forEach(matches::add);
        reply.put("cursor_start", CodePoints.fromIndex(code, completions.start()));
        reply.put("cursor_end", CodePoints.fromIndex(code, Math.max(cursor, completions.end())));
        reply.putObject("metadata");
        return reply;
    }

    private ObjectNode inspect(ObjectNode content) {
        String code = content.path("code").asText();
        int cursor = CodePoints.toIndex(code, content.path("cursor_pos").asInt(code.codePointCount(0, code.length())));
        Optional<String> help = repl().help(CodePoints.nameAt(code, cursor));
        ObjectNode reply = ok();
        reply.put("found", help.isPresent());
        ObjectNode data = reply.putObject("data");
        help.ifPresent(text -> data.put("text/plain", text));
        reply.putObject("metadata");
        return reply;
    }

    /** The REPL's rule: the grammar asks for more lines after an open brace or a dangling operator. */
    static ObjectNode isComplete(String code) {
        ObjectNode reply = Message.JSON.objectNode();
        boolean incomplete = !code.isBlank() && EmbeddedRepl.isIncomplete(code);
        reply.put("status", incomplete ? "incomplete" : "complete");
        if (incomplete) reply.put("indent", "  ");
        return reply;
    }

    private ObjectNode history(ObjectNode content) {
        String access = content.path("hist_access_type").asText("tail");
        boolean withOutput = content.path("output").asBoolean(false);
        int first = 0;
        int last = history.size();
        Pattern pattern = null;
        switch (access) {
            case "range" -> {
                first = Math.max(0, content.path("start").asInt(1) - 1);
                last = Math.min(history.size(), content.path("stop").asInt(history.size() + 1) - 1);
            }
            case "search" -> pattern = glob(content.path("pattern").asText("*"));
            default -> { }
        }
        List<Integer> lines = new ArrayList<>();
        for (int k = first; k < last; k++) {
            if (pattern == null || pattern.matcher(history.get(k)).matches()) lines.add(k);
        }
        int n = content.path("n").asInt(lines.size());
        if (!"range".equals(access) && lines.size() > n) lines = lines.subList(lines.size() - n, lines.size());
        ObjectNode reply = ok();
        ArrayNode entries = reply.putArray("history");
        for (int k : lines) {
            ArrayNode entry = entries.addArray().add(0).add(k + 1);
            if (withOutput) entry.addArray().add(history.get(k)).addNull();
            else entry.add(history.get(k));
        }
        return reply;
    }

    /** IPython's history search patterns: `*` any text, `?` one character. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // ------------------------------------------------------------------ control

    private void onControl(ZMQ.Socket socket, Message request) {
        switch (request.type()) {
            case "interrupt_request" -> {
                interrupt();
                channels.reply(socket, request.reply("interrupt_reply", ok()));
            }
            case "shutdown_request" -> channels.reply(socket, shutdown(request));
            case "kernel_info_request" -> channels.reply(socket, request.reply("kernel_info_reply", kernelInfo()));
            default -> { }
        }
    }

    /** Replies, then stops: a restart is the front end starting a fresh process, so both end this one. */
    private Message shutdown(Message request) {
        ObjectNode reply = ok();
        reply.put("restart", request.content().path("restart").asBoolean(false));
        running = false;
        interrupt();
        stopped.countDown();
        return request.reply("shutdown_reply", reply);
    }

    // ------------------------------------------------------------------ pieces

    /** What every result records so the notebook replays exactly: the Beable version and the seed. */
    private ObjectNode provenance() {
        ObjectNode metadata = Message.JSON.objectNode();
        ObjectNode beable = metadata.putObject("beable");
        beable.put("version", Version.current());
        beable.put("seed", repl().interpreter().seed());
        return metadata;
    }

    private static ObjectNode ok() {
        ObjectNode reply = Message.JSON.objectNode();
        reply.put("status", "ok");
        return reply;
    }

    private static ObjectNode state(String state) {
        ObjectNode content = Message.JSON.objectNode();
        content.put("execution_state", state);
        return content;
    }
}
