package io.jcompose.adapter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import io.jcompose.adapter.tools.StatsSample;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.Subscription;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A streamed {@code /stats} response read on its own thread, one sample per JSON object, until the
 * daemon ends it or the subscription is closed.
 */
final class StatsStream implements Subscription {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Response response;
  private final Faults faults;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile RuntimeFault failure;

  private StatsStream(Response response, Faults faults) {
    this.response = response;
    this.faults = faults;
  }

  static StatsStream start(Response response, Consumer<StatsSample> sink, Faults faults) {
    var stream = new StatsStream(response, faults);
    var reader = new Thread(() -> stream.read(sink), "jcompose-stats");
    reader.setDaemon(true);
    reader.start();
    return stream;
  }

  private void read(Consumer<StatsSample> sink) {
    try (JsonParser parser = JSON.getFactory().createParser(response.getBody());
        MappingIterator<JsonNode> samples = JSON.readValues(parser, JsonNode.class)) {
      while (!closed && samples.hasNextValue()) {
        sink.accept(StatsJson.sample(samples.nextValue()));
      }
    } catch (IOException | RuntimeException broken) {
      if (!closed) {
        failure = faults.map(broken);
      }
    } finally {
      ended.countDown();
    }
  }

  @Override
  public void await() throws InterruptedException {
    ended.await();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    closed = true;
    response.close();
  }
}
