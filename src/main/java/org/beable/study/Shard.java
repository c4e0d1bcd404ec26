package org.beable.study;

/** `--shard I/K`: this process runs cells I, I + K, I + 2K, … of every sweep (0 ≤ I < K). */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1) throw new IllegalArgumentException("the number of shards K must be at least 1, got " + count);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: I counts from 0 and stays below K (0 ≤ I < " + count + ")");
        }
    }

    /** Reads "I/K", or says plainly what is wrong with it. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("'" + text + "' is not a shard: write I/K, e.g. --shard 0/4 for the first of four");
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: I and K must be whole numbers, e.g. --shard 0/4");
        }
    }

    public boolean runs(long cell) {
        return cell % count == index;
    }

    /** The file a shard writes where the unsharded run writes {@code target}: `s.csv` → `s.csv.part-0-of-4`. */
    public java.nio.file.Path partOf(java.nio.file.Path target) {
        return target.resolveSibling(target.getFileName() + ".part-" + index + "-of-" + count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
