package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A {@code --set path=value} argument. */
record SetArgument(String argument, String path, JsonNode value) {
    static SetArgument parse(String argument, GridErrors errors) {
        int eq = argument.indexOf('=');
        Location loc = Location.commandLine(argument);
        if (eq <= 0) {
            errors.add(loc, "expected path=value, e.g. --set training.steps=200");
            return null;
        }
        String path = argument.substring(0, eq).trim();
        String head = path.split("\\.", -1)[0];
        if (!path.equals("seeds") && (!GridFields.SECTIONS.contains(head) || path.contains("..") || path.endsWith("."))) {
            errors.add(loc, "`" + path + "` is not a path into a trial: it must start with one of " + String.join(", ", GridFields.SECTIONS) + ", or be `seeds`");
            return null;
        }
        try {
            JsonNode value = Yaml.yaml().readTree(argument.substring(eq + 1));
            return new SetArgument(argument, path, value == null || value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
        } catch (JsonProcessingException e) {
            errors.add(loc, "the value is not valid YAML: " + GridMessages.firstLine(e.getOriginalMessage()));
            return null;
        }
    }
}
