package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.concurrent.Cancellation;
import org.junit.jupiter.api.Test;

/** Following members: every change of a followed member's value is one of its copy events. */
class TrackTest {

    @Test
    void valuesChangeOnlyThroughCopyEvents() {
        EnsembleModel m = Fixtures.model("level", "member", "members", 400);
        long[] followed = {0, 7, 99, 398};
        MemberTrack t = m.track(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 8, followed, 0.02, 17, 1, Cancellation.none());
        assertEquals(4, t.tracked().size());
        assertTrue(t.events().size() > 4, "a small ensemble copies a lot: " + t.events().size());
        for (int k = 0; k < followed.length; k++) {
            long member = followed[k];
            double[] values = t.values().get(k);
            var own = t.eventsOf(member);
            // Replay the member's events against its sampled values.
            int e = 0;
            double value = values[0];
            for (int j = 1; j < values.length; j++) {
                double time = t.times().get(j);
                while (e < own.size() && own.get(e).time() <= time) {
                    assertEquals(value, own.get(e).from(), "event " + own.get(e));
                    value = own.get(e).to();
                    e++;
                }
                assertEquals(value, values[j], 0, "member " + member + " at t = " + time);
            }
            assertEquals(own.size(), e);
            assertTrue(t.origins().get(k).startsWith("member " + member));
        }
        for (CopyEvent event : t.events()) assertTrue(event.from() != event.to() && event.member() != event.source());
        assertTrue(t.copies() >= t.events().size());
        assertEquals(t.copies(), t.history().copies());
    }

    @Test
    void onlyTheMemberLevelCanFollowMembers() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Fixtures.model().track(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 1, new long[] {0}, null, 1, 1, Cancellation.none()));
        assertTrue(e.getMessage().contains("level = member"));
        var outside = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Fixtures.model("level", "member", "members", 10).track(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 1, new long[] {10},
                        null, 1, 1, Cancellation.none()));
        assertTrue(outside.getMessage().contains("there is no member 10"));
    }
}
