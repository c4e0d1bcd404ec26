package org.beable.model.ensemble;

import org.beable.format.Numbers;

/**
 * One copy event of a followed member: at `time` member `member` copied member `source`, taking
 * its value (from → to) and its phase (phaseBefore → phaseAfter).
 */
public record CopyEvent(double time, long member, long source, long from, long to, double phaseBefore, double phaseAfter) {
    @Override
    public String toString() {
        return "t = " + Numbers.format(time) + ": member " + member + " copied member " + source + ", value " + from + " → " + to
                + ", phase " + Numbers.format(phaseBefore) + " → " + Numbers.format(phaseAfter);
    }
}
