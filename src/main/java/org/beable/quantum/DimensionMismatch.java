package org.beable.quantum;

/**
 * Thrown when two matrices cannot be combined because their shapes disagree.
 * Carries both shapes so that the caller (usually the interpreter reporting a user's
 * mistake) can say exactly what went wrong without parsing the message.
 */
public final class DimensionMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int leftRows;
    private final int leftCols;
    private final int rightRows;
    private final int rightCols;

    public DimensionMismatch(String operation, int leftRows, int leftCols, int rightRows, int rightCols) {
        super(operation + ": cannot combine a " + leftRows + "x" + leftCols
                + " matrix with a " + rightRows + "x" + rightCols + " matrix");
        this.operation = operation;
        this.leftRows = leftRows;
        this.leftCols = leftCols;
        this.rightRows = rightRows;
        this.rightCols = rightCols;
    }

    public String operation() { return operation; }
    public int leftRows() { return leftRows; }
    public int leftCols() { return leftCols; }
    public int rightRows() { return rightRows; }
    public int rightCols() { return rightCols; }
}
