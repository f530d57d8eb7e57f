package io.jcompose.engine.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson mapper of the engine's API, configured once: clients send fields the API does not
 * have ({@code "containerId"} in an exec create) and {@code null} for anything (docker-java's
 * {@code "Tty":null}), so unknown fields are ignored and nulls accepted, even for primitives. Wire
 * DTOs name their fields with {@code @JsonProperty}; domain records never meet this mapper.
 */
public final class WireJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private WireJson() {}

  /** The shared mapper; thread-safe, never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
