package org.beable.study;

import java.io.Serializable;

/**
 * What travels to a machine that runs cells of a sweep: the script and the session's options,
 * which sweep, and the rows of the sweeps before it (JSON, see {@link Cells}), so the task can
 * rebuild the session up to the sweep by running the script's prefix without running those
 * sweeps' cells again. The limits are the driver's, so a cell is refused, or allowed, on an
 * executor exactly as it would be at home; no folder is writable there (see {@link TaskRunner}). Printed lines come back in the driver's output form ({@code printForm}).
 */
public record RemoteTask(String scriptName, String scriptText, Long seedOverride, long maxTrials, int maxDimension,
                         int maxSparseDimension, int sweep, String earlierRows, String printForm) implements Serializable {
    private static final long serialVersionUID = 1L;
}
