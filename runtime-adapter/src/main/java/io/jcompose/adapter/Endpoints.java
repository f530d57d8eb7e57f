package io.jcompose.adapter;

/** Placeholder until the adapter lands (replaced by the real discovery). */
public final class Endpoints {
  private Endpoints() {}

  public static Endpoint resolve(EndpointRequest request) {
    throw new NoEndpointException("endpoint discovery is not built yet");
  }
}
