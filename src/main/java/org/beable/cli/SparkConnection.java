package org.beable.cli;

import java.lang.reflect.InvocationTargetException;
import org.beable.study.Farm;

/**
 * `--spark MASTER`: the Spark glue lives in a separate artifact (the `spark` jar, built from
 * src/spark/java), so it is looked up by name, and Spark is never loaded without the option.
 */
final class SparkConnection {
    static final String FARM = "org.beable.spark.SparkFarm";

    private SparkConnection() {}

    static Farm open(String master) {
        Class<?> farm;
        try {
            farm = Class.forName(FARM);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Spark is not on the class path; run `./beable FILE --spark MASTER` (the launcher adds the spark "
                    + "jar and Spark's libraries) or spark-submit the beable-…-spark.jar (README, \"Studies\")");
        }
        try {
            return (Farm) farm.getMethod("connect", String.class).invoke(null, master);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException refusal) throw refusal;
            throw new IllegalArgumentException("Spark did not start: " + cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("the spark jar does not match this Beable (" + e + ")");
        }
    }
}
