package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** SHA-256 of a config's canonical JSON (keys sorted, compact): the identity of a trial. */
public final class ConfigHash {
    private ConfigHash() {}

    public static String of(JsonNode config) {
        try {
            byte[] canonical = Yaml.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(sorted(config));
            return Hashing.sha256().hashBytes(canonical).toString().substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String k : names) {
                out.set(k, sorted(n.get(k)));
            }
            return out;
        }
        if (n.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            n.forEach(c -> out.add(sorted(c)));
            return out;
        }
        return n;
    }
}
