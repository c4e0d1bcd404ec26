package org.beable.study;

import java.io.Serializable;

/**
 * What travels to a machine that runs cells of a sweep: the script and the session's options,
 * which sweep, and the rows of the sweeps before it (JSON, see {@link Cells}), so the task can
 * rebuild the session up to the sweep by running the script's prefix without running those
 * sweeps' cells again.
 */
public record RemoteTask(String scriptName, String scriptText, Long seedOverride, long maxTrials, int maxDimension,
                         int sweep, String earlierRows) implements Serializable {
    private static final long serialVersionUID = 1L;
}
