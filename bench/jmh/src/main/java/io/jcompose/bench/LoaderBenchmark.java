package io.jcompose.bench;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.load.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The whole loading pipeline ({@link ProjectLoader#load}) on a generated compose file. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoaderBenchmark {

  @Param({"1000"})
  int services;

  private Path directory;
  private LoadOptions options;

  @Setup(Level.Trial)
  public void writeComposeFile() throws IOException {
    directory = Files.createTempDirectory("jcompose-bench");
    Files.writeString(directory.resolve("compose.yaml"), ComposeGenerator.services(services));
    options =
        LoadOptions.of(List.of("compose.yaml"), directory, Map.of("LOG_LEVEL", "debug"))
            .withProjectName("bench");
  }

  @Benchmark
  public LoadResult load() {
    return ProjectLoader.load(options);
  }

  @TearDown(Level.Trial)
  public void removeDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
