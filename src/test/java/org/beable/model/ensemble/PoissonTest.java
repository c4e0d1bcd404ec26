package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.random.RandomStreams;
import org.junit.jupiter.api.Test;

class PoissonTest {

    @Test
    void meanAndVarianceMatchForSmallAndLargeMeans() {
        UniformRandomProvider rng = RandomStreams.stream(99);
        int draws = 200_000;
        for (double mean : new double[] {0.05, 1.3, 9.99, 10, 37.5, 800, 250_000}) {
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < draws; k++) {
                long x = Poisson.draw(mean, rng);
                assertTrue(x >= 0);
                sum += x;
                squares += (double) x * x;
            }
            double m = sum / draws;
            double v = squares / draws - m * m;
            assertEquals(mean, m, 5 * Math.sqrt(mean / draws), "mean " + mean);
            assertEquals(1, v / mean, 0.03, "variance / mean at mean " + mean);
        }
    }

    @Test
    void theProbabilityOfNoneIsExpMinusTheMean() {
        UniformRandomProvider rng = RandomStreams.stream(7);
        int draws = 400_000;
        for (double mean : new double[] {0.2, 3, 12}) {
            int zeros = 0;
            for (int k = 0; k < draws; k++) if (Poisson.draw(mean, rng) == 0) zeros++;
            double p = Math.exp(-mean);
            assertEquals(p, (double) zeros / draws, 5 * Math.sqrt(p * (1 - p) / draws) + 1e-6, "P(0) at mean " + mean);
        }
        assertEquals(0, Poisson.draw(0, rng));
    }
}
