package org.beable.analysis.locality;

/** The largest difference seen so far for one condition, and where it was seen. */
final class Worst {
    double size;
    String witness = "";

    void offer(double candidate, java.util.function.Supplier<String> where) {
        if (candidate > size) {
            size = candidate;
            witness = where.get();
        }
    }

    void merge(Worst other) {
        if (other.size > size) {
            size = other.size;
            witness = other.witness;
        }
    }
}
