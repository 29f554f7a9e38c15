package org.gansweep.core.config;

/** Where a value came from: a file position, or a command-line override. */
public record Location(String file, int line, int column, String commandLine) {
    public static Location of(String file, int line, int column) {
        return new Location(file, line, column, null);
    }

    public static Location commandLine(String argument) {
        return new Location(null, 0, 0, argument);
    }

    @Override
    public String toString() {
        return commandLine != null ? "--set " + commandLine : file + ":" + line + ":" + column;
    }
}
