package io.jcompose.adapter;

import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.planner.runtime.ContainerRuntimeContract;
import io.jcompose.planner.spi.ContainerRuntime;

/** The SPI contract, held by {@link DockerRuntime} against the real dockerd of the test run. */
class DockerRuntimeContractTest extends ContainerRuntimeContract {

  @Override
  protected ContainerRuntime runtime() {
    return TestDocker.runtime();
  }

  @Override
  protected String testImage() {
    return TestDocker.image();
  }
}
