package io.jcompose.engine.build.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code x-jcompose-contexts} query parameter: a JSON object from context name to {@code "tar"}
 * (files under {@code .jcompose-contexts/<name>/} of the request's tar) or {@code
 * "docker-image://<reference>"}. Names are compared case-insensitively.
 */
record ContextsParameter(Map<String, Source> contexts) {

  static final String PARAMETER = "x-jcompose-contexts";
  static final String TAR = "tar";
  static final String IMAGE_PREFIX = "docker-image://";

  /** Where a named context's files are, by the name as the client spelled it. */
  record Source(String spelledName, String value) {
    boolean isTar() {
      return value.equals(TAR);
    }

    String imageReference() {
      return value.substring(IMAGE_PREFIX.length());
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]*");

  ContextsParameter {
    contexts = Map.copyOf(contexts);
  }

  /**
   * @param raw the parameter's value, or null
   * @throws EngineFault.InvalidArgument for anything but an object of valid names and values
   */
  static ContextsParameter parse(String raw) {
    var contexts = new LinkedHashMap<String, Source>();
    if (raw == null || raw.isBlank()) {
      return new ContextsParameter(contexts);
    }
    JsonNode object;
    try {
      object = new ObjectMapper().readTree(raw);
    } catch (JsonProcessingException e) {
      throw invalid("it is not JSON: " + e.getOriginalMessage());
    }
    if (object == null || !object.isObject()) {
      throw invalid("it must be a JSON object of name -> \"tar\" or \"docker-image://<ref>\"");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (!NAME.matcher(name).matches() || name.contains("..") || name.endsWith("/")) {
        throw invalid("the context name \"" + name + "\" is not valid");
      }
      JsonNode value = field.getValue();
      if (!value.isTextual()
          || !(value.asText().equals(TAR)
              || (value.asText().startsWith(IMAGE_PREFIX)
                  && value.asText().length() > IMAGE_PREFIX.length()))) {
        throw invalid(
            "context \"" + name + "\" must be \"tar\" or \"docker-image://<ref>\", not " + value);
      }
      if (contexts.put(name.toLowerCase(Locale.ROOT), new Source(name, value.asText())) != null) {
        throw invalid("the context name \"" + name + "\" is given twice");
      }
    }
    return new ContextsParameter(contexts);
  }

  private static EngineFault.InvalidArgument invalid(String reason) {
    return new EngineFault.InvalidArgument("invalid " + PARAMETER + " parameter: " + reason);
  }
}
