package org.gansweep.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gansweep.core.sweep.SweepExecutor;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code run --executor NAME}, as a picocli mixin: the executor that runs the sweep, one of those bound by name
 * ({@link SweepExecutor#executors}, in {@link GansweepModule}). Every bound executor's options are options of
 * {@code run} (a mixin each, named for its executor, added by {@link Mixins}), so that an option of an executor
 * that does not run the sweep is refused by name, never ignored.
 */
final class ExecutorChoice {
    static final String DEFAULT = "local";

    /** The description is written from the bound executors' summaries ({@link Mixins}). */
    @Option(names = "--executor", defaultValue = DEFAULT, converter = Name.class)
    String executor;

    /** The chosen executor's options, as {@code run} parsed them. */
    SweepExecutor.Factory chosen(CommandSpec run) {
        return options(run, executor);
    }

    /** Why the command line cannot run a sweep, or null: options of another executor, or values the chosen one refuses. */
    String refusal(CommandSpec run) {
        for (String other : others(run)) {
            List<String> given = given(run, other);
            if (!given.isEmpty()) {
                return options(run, other).misplaced(given);
            }
        }
        return chosen(run).problem();
    }

    /** Why the chosen executor must not run the experiment now (another executor's work still runs there), or null. */
    String workElsewhere(CommandSpec run, Path experimentDir, PrintWriter err) throws IOException, InterruptedException {
        for (String other : others(run)) {
            String busy = options(run, other).workInFlight(experimentDir, err);
            if (busy != null) {
                return busy;
            }
        }
        return null;
    }

    /** The bound executors but the chosen one, by name. */
    private List<String> others(CommandSpec run) {
        List<String> names = new ArrayList<>();
        run.mixins().forEach((name, mixin) -> {
            if (mixin.userObject() instanceof SweepExecutor.Factory && !name.equals(executor)) {
                names.add(name);
            }
        });
        return names;
    }

    private static SweepExecutor.Factory options(CommandSpec run, String name) {
        return (SweepExecutor.Factory) run.mixins().get(name).userObject();
    }

    /** The options of an executor given on this command line, in their order of declaration; hidden ones (test hooks) aside. */
    private static List<String> given(CommandSpec run, String name) {
        List<String> given = new ArrayList<>();
        for (OptionSpec o : run.mixins().get(name).options()) {
            if (!o.hidden() && run.commandLine().getParseResult().hasMatchedOption(o)) {
                given.add(o.longestName());
            }
        }
        return given;
    }

    /** Adds every bound executor's options to {@code run}, each as a mixin named for its executor. */
    static final class Mixins implements IModelTransformer {
        private final Map<String, SweepExecutor.Factory> executors;

        @Inject
        Mixins(Map<String, SweepExecutor.Factory> executors) {
            this.executors = executors;
        }

        @Override
        public CommandSpec transform(CommandSpec run) {
            executors.forEach((name, options) -> run.addMixin(name, CommandSpec.forAnnotatedObject(options)));
            OptionSpec choice = run.findOption("--executor");
            run.remove(choice);
            run.addOption(choice.toBuilder().description(description()).build());
            return run;
        }

        /** "local (default: worker JVMs on this machine) or slurm (one job array on a shared folder)", from the bindings. */
        private String description() {
            List<String> each = new ArrayList<>();
            executors.forEach((name, options) -> each.add(name + " (" + (name.equals(DEFAULT) ? "default: " : "") + options.summary() + ")"));
            int last = each.size() - 1;
            return last == 0 ? each.get(0) : String.join(", ", each.subList(0, last)) + " or " + each.get(last);
        }
    }

    /** A bound executor's name; another is a usage error, worded as picocli words it for a fixed set of values. */
    static final class Name implements ITypeConverter<String> {
        private final Set<String> names;

        @Inject
        Name(Map<String, Provider<SweepExecutor.Factory>> executors) {
            this.names = executors.keySet();
        }

        @Override
        public String convert(String value) {
            if (!names.contains(value)) {
                throw new TypeConversionException("expected one of " + names + " (case-sensitive) but was '" + value + "'");
            }
            return value;
        }
    }
}
