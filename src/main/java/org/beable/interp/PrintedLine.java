package org.beable.interp;

import java.util.List;

/** A `print` a sweep cell made, held back until the cells before it have printed theirs. */
public record PrintedLine(List<Object> values) {}
