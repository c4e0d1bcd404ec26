package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter runs it: its own process (`beable jupyter kernel FILE`), reached only
 * through the protocol. Measures the first cell's latency after the process starts and a trivial
 * cell's round trip (printed, not asserted: timings on a shared machine say nothing about
 * correctness), and checks that SIGINT cancels a running cell and a shutdown request ends the process.
 */
class KernelProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aKernelProcessAnswersIsInterruptedBySigintAndShutsDown(@TempDir Path folder) throws Exception {
        Path file = KernelClient.connectionFile(folder);
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"), "org.beable.cli.Main",
                "jupyter", "kernel", file.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("kernel.log").toFile()).start();
        try (KernelClient client = new KernelClient(ConnectionInfo.read(file))) {
            // as a front end does: kernel_info until the kernel answers, then the first cell
            String info;
            do {
                info = client.send(client.shell, "kernel_info_request", Message.JSON.objectNode());
            } while (client.reply(client.shell, info, Duration.ofMillis(250)) == null && process.isAlive());
            KernelClient.Cell first = client.execute("1 + 1", WAIT);
            double firstCell = (System.nanoTime() - started) / 1e6;
            // on a shared machine the wall time mostly measures the queue for a core; the CPU the kernel used does not
            double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
            assertEquals("ok", first.reply().content().path("status").asText());

            List<Double> roundTrips = new ArrayList<>();
            for (int k = 0; k < 150; k++) {
                long t = System.nanoTime();
                KernelClient.Cell cell = client.execute("" + k, WAIT);
                roundTrips.add((System.nanoTime() - t) / 1e6);
                assertEquals("" + k, cell.of("execute_result").get(0).content().path("data").path("text/plain").asText());
            }
            // the first cells run before the JIT has compiled the paths they take; the last 100 are the steady state
            List<Double> cold = sorted(roundTrips.subList(0, 30));
            List<Double> warm = sorted(roundTrips.subList(roundTrips.size() - 100, roundTrips.size()));
            System.out.printf(Locale.ROOT, "jupyter kernel: first cell's result %.0f ms after the process started (kernel CPU time by then %.0f ms, all threads); trivial cell round trip "
                    + "median %.1f ms over the first 30 cells, median %.1f ms and 90th percentile %.1f ms over the last 100%n",
                    firstCell, cpu, cold.get(15), warm.get(50), warm.get(90));

            client.execute("let kept = 41", WAIT);
            ObjectNode long_ = Message.JSON.objectNode();
            long_.put("code", KernelProtocolTest.LONG_RUN);
            String id = client.send(client.shell, "execute_request", long_);
            List<Message> seen = client.broadcastsUntil(id, m -> m.type().equals("display_data"), WAIT);
            assertEquals("display_data", seen.get(seen.size() - 1).type(), "the long run shows its progress");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor());
            Message reply = client.reply(client.shell, id, WAIT);
            assertNotNull(reply);
            assertEquals("Interrupted", reply.content().path("ename").asText(), reply.content().toString());
            assertTrue(process.isAlive(), "SIGINT cancels the cell, not the kernel");
            assertEquals("42", client.execute("kept + 1", WAIT).of("execute_result").get(0).content().path("data").path("text/plain").asText());

            Message down = client.reply(client.control, client.send(client.control, "shutdown_request", Message.JSON.objectNode()), WAIT);
            assertEquals("shutdown_reply", down.type());
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process ends after a shutdown request");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
