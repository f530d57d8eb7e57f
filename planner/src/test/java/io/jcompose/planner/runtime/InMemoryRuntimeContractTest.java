package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.ContainerRuntime;
import java.util.Map;

/** The SPI contract, held by the in-memory runtime with a pretend busybox image. */
class InMemoryRuntimeContractTest extends ContainerRuntimeContract {

  private final InMemoryRuntime runtime = new InMemoryRuntime();

  InMemoryRuntimeContractTest() {
    runtime.addImage("busybox:latest", Map.of());
  }

  @Override
  protected ContainerRuntime runtime() {
    return runtime;
  }

  @Override
  protected String testImage() {
    return "busybox:latest";
  }

  /** Its state changes at once, so polling needs no pause. */
  @Override
  protected void pauseBeforePollingAgain() {}
}
