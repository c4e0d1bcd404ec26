package org.beable.study;

import java.util.List;

/**
 * Machines that run cells (Spark's executors): each chunk of cell indices becomes one task,
 * {@link TaskRunner#run} on some machine, whose JSON answer comes back in chunk order.
 */
public interface Farm extends AutoCloseable {
    List<String> run(RemoteTask task, List<long[]> chunks);

    /** How many tasks it runs at once: a sweep is cut into a few times as many chunks. */
    int parallelism();

    @Override
    void close();
}
