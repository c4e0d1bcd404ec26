package org.beable.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.beable.study.Farm;
import org.beable.study.RemoteTask;
import org.beable.study.TaskRunner;

/**
 * Spark as a {@link Farm}: each chunk of a sweep's cells is one task that runs
 * {@link TaskRunner#run} on an executor. Only the script, the options and the cell indices
 * travel, so every executor draws the numbers a local run would.
 */
public final class SparkFarm implements Farm {
    /** How long a `spark://` master gets to answer before Beable gives up on it. */
    static final int CONNECT_TIMEOUT_MS = 10_000;

    private final JavaSparkContext context;

    private SparkFarm(JavaSparkContext context) {
        this.context = context;
    }

    /** Starts a Spark application on {@code master}; an unreachable standalone master is refused within 10 s. */
    public static Farm connect(String master) {
        if (master.startsWith("spark://")) probe(master);
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("beable").set("spark.ui.enabled", "false");
        if (master.startsWith("local")) conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        return new SparkFarm(context);
    }

    /** Opens a TCP connection to each host:port of a standalone master URL, or says which one did not answer. */
    private static void probe(String master) {
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + hostPort);
            if (uri.getHost() == null || uri.getPort() < 0) throw new IllegalArgumentException("'" + master + "' is not a master URL: write spark://HOST:PORT");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                if (!master.contains(",")) {
                    throw new IllegalArgumentException("cannot reach the Spark master at " + uri.getHost() + ":" + uri.getPort() + " within "
                            + CONNECT_TIMEOUT_MS / 1000 + " s (" + e.getMessage() + "); is it running, and is the port right (7077 by default)?");
                }
            }
        }
        throw new IllegalArgumentException("none of the Spark masters in " + master + " answered within " + CONNECT_TIMEOUT_MS / 1000 + " s");
    }

    @Override
    public List<String> run(RemoteTask task, List<long[]> chunks) {
        return context.parallelize(chunks, chunks.size()).map(chunk -> TaskRunner.run(task, chunk)).collect();
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public void close() {
        context.stop();
    }
}
