package org.beable.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.junit.jupiter.api.Test;

class ExperimentCacheTest {

    /** A qubit measured along z: the cache only looks at the experiment's identity. */
    private static Experiment experiment() {
        Detector z = new Detector("Z", 0, null, v -> Measurement.ofBasis(new CMatrix[] {Spin.up(0), Spin.down(0)}),
                List.of("+1", "-1"), new double[] {1, -1});
        return new Experiment("qubit", new SystemLayout(List.of("q"), new int[] {2}), Spin.up(0).projector(),
                List.of(new Step.Measure(new int[] {0})), List.of(z), new SettingSpace(List.of(), List.of()),
                new SettingChoice.All(), 10);
    }

    @Test
    void makesOnceAndKeepsWhatItMade() {
        List<Experiment> made = new ArrayList<>();
        ExperimentCache<Object> cache = new ExperimentCache<>(2, e -> {
            made.add(e);
            return new Object();
        });
        Experiment e = experiment();
        Object first = cache.get(e);
        assertSame(first, cache.get(e));
        assertEquals(List.of(e), made);
    }

    @Test
    void experimentsAreToldApartByIdentity() {
        ExperimentCache<Object> cache = new ExperimentCache<>(4, e -> new Object());
        assertNotSame(cache.get(experiment()), cache.get(experiment()));
    }

    @Test
    void theLeastRecentlyUsedExperimentGoesFirst() {
        List<Experiment> made = new ArrayList<>();
        ExperimentCache<Object> cache = new ExperimentCache<>(2, e -> {
            made.add(e);
            return new Object();
        });
        Experiment a = experiment();
        Experiment b = experiment();
        Experiment c = experiment();
        Object keptA = cache.get(a);
        cache.get(b);
        assertSame(keptA, cache.get(a));   // a is now more recent than b
        cache.get(c);                      // over capacity: b goes
        assertSame(keptA, cache.get(a));
        assertEquals(3, made.size());
        cache.get(b);
        assertEquals(List.of(a, b, c, b), made);
    }

    @Test
    void aFailedMakeKeepsNothing() {
        int[] calls = {0};
        ExperimentCache<Object> cache = new ExperimentCache<>(2, e -> {
            if (calls[0]++ == 0) throw new IllegalArgumentException("not this one");
            return new Object();
        });
        Experiment e = experiment();
        assertThrows(IllegalArgumentException.class, () -> cache.get(e));
        cache.get(e);
        assertEquals(2, calls[0]);
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new ExperimentCache<>(0, e -> e));
    }
}
