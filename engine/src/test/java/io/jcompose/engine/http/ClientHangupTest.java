package io.jcompose.engine.http;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ClientHangupTest {

  private final CountDownLatch waiting = new CountDownLatch(1);
  private final CountDownLatch toldGone = new CountDownLatch(1);
  private final CountDownLatch handlerEnded = new CountDownLatch(1);
  private final AtomicReference<Throwable> writeFailure = new AtomicReference<>();
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.start(
            routes ->
                routes
                    // like wait: headers at once, then block until something happens
                    .post(
                        "/containers/{id}/wait",
                        request ->
                            Response.jsonLines(
                                out -> {
                                  request.whenClientGone(toldGone::countDown);
                                  waiting.countDown();
                                  toldGone.await();
                                  handlerEnded.countDown();
                                }))
                    // a handler still deciding (no headers yet) when the client leaves
                    .get(
                        "/slow",
                        request -> {
                          request.whenClientGone(toldGone::countDown);
                          waiting.countDown();
                          toldGone.await();
                          handlerEnded.countDown();
                          return Response.json(Map.of());
                        })
                    // like logs --follow: writes until the client is gone
                    .get(
                        "/follow",
                        request ->
                            Response.jsonLines(
                                out -> {
                                  try {
                                    for (int line = 0; ; line++) {
                                      out.write(Map.of("line", line));
                                      waiting.countDown();
                                    }
                                  } catch (ClientGoneException e) {
                                    writeFailure.set(e);
                                    throw e;
                                  } finally {
                                    handlerEnded.countDown();
                                  }
                                })));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aWaiterIsToldWhenItsClientHangsUp() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(
          "POST /containers/c1/wait?condition=next-exit HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
      assertThat(client.readHead().status()).isEqualTo(200);
      waiting.await();
    }

    toldGone.await();
    handlerEnded.await();
    assertThat(server.notices).isEmpty();
  }

  @Test
  void aHandlerThatHasNotAnsweredYetIsToldToo() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(get("/slow"));
      waiting.await();
    }

    handlerEnded.await();
  }

  @Test
  void shuttingDownTheWriteSideOfAPlainRequestCountsAsGone() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send("POST /containers/c1/wait HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
      waiting.await();
      client.shutdownOutput();

      handlerEnded.await();
      var response = client.readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void aFollowerWritingToAGoneClientGetsClientGone() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(get("/follow"));
      client.readHead();
      waiting.await();
    }

    handlerEnded.await();
    assertThat(writeFailure.get()).isInstanceOf(ClientGoneException.class);
    assertThat(server.notices).isEmpty();
  }
}
