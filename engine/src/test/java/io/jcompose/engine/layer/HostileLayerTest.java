package io.jcompose.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.testimage.LayerTar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers that try to write outside their directory are refused, and nothing outside the layer
 * directory changes: a sentinel tree beside it is compared before and after.
 */
class HostileLayerTest {

  @TempDir Path temporary;
  private Path sentinel;
  private Path layer;

  @BeforeEach
  void createSentinelTree() throws IOException {
    sentinel = Files.createDirectories(temporary.resolve("sentinel"));
    Files.writeString(sentinel.resolve("file"), "sentinel content");
    Files.createDirectories(sentinel.resolve("dir"));
    Files.writeString(sentinel.resolve("dir/nested"), "nested content");
    layer = Files.createDirectories(temporary.resolve("store/layers/1")).resolve("diff");
  }

  @Test
  void dotDotName_isRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().file("../../../../sentinel/pwned", "x"),
        "\"../../../../sentinel/pwned\"");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().file("ok/../../x", "x"), "'..' would leave the layer directory");
  }

  @Test
  void absoluteName_isRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().file(sentinel.resolve("pwned").toString(), "x"),
        "absolute names are not allowed");
  }

  @Test
  void writeThroughAnAbsoluteSymlink_isRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("link", sentinel.toString()).file("link/pwned", "x"),
        "link is a symbolic link, and nothing is written through it");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("link", sentinel.toString()).file("link/file", "overwritten"),
        "link is a symbolic link");
  }

  @Test
  void writeThroughARelativeSymlinkThatClimbsOut_isRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create()
            .directory("a")
            .symlink("a/up", "../../../../..")
            .file("a/up/sentinel/pwned", "x"),
        "a/up is a symbolic link");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("link", "../../..").file("link/pwned", "x"),
        "link is a symbolic link");
  }

  @Test
  void hardLinkToAFileOutside_isRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().hardLink("h", "../../../../sentinel/file"), "'..'");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().hardLink("h", sentinel.resolve("file").toString()), "absolute");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("s", sentinel.toString()).hardLink("h", "s/file"),
        "is not a file written earlier in this layer");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().hardLink("h", "etc/passwd"), "is not a file written earlier");
  }

  @Test
  void deviceWhiteoutAndOpaqueMarkerUnderASymlinkedDirectory_areRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("s", sentinel.toString()).characterDevice("s/null", 1, 3),
        "s is a symbolic link");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("s", sentinel.toString()).fifo("s/fifo"), "s is a symbolic link");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("s", sentinel.toString()).whiteout("s/file"),
        "s is a symbolic link");
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().symlink("s", sentinel.toString()).opaque("s"), "s is a symbolic link");
  }

  @Test
  void writeUnderAFile_isRefused() throws Exception {
    assertRefusedAndNothingOutsideChanged(
        LayerTar.create().file("f", "plain").file("f/child", "x"), "f is not a directory");
  }

  @Test
  void directoryMetadataIsNotAppliedThroughASymlinkThatReplacedTheDirectory() throws Exception {
    Map<String, String> before = describe(sentinel);
    byte[] tar =
        LayerTar.create()
            .directory("d/inner", 0700)
            .symlink("d", sentinel.toString())
            .toByteArray();

    LayerUnpacker.unpack(new ByteArrayInputStream(tar), layer, Optional.empty());

    assertThat(describe(sentinel)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(layer.resolve("d"))).isTrue();
  }

  private void assertRefusedAndNothingOutsideChanged(LayerTar layerTar, String messagePart)
      throws IOException {
    Map<String, String> before = describe(sentinel);
    byte[] tar = layerTar.toByteArray();

    assertThatThrownBy(
            () -> LayerUnpacker.unpack(new ByteArrayInputStream(tar), layer, Optional.empty()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining(messagePart);

    assertThat(layer).doesNotExist();
    assertThat(layer.getParent()).isEmptyDirectory();
    assertThat(describe(sentinel)).isEqualTo(before);
    try (Stream<Path> everything = Files.walk(temporary)) {
      assertThat(everything.map(Path::getFileName).map(Path::toString))
          .doesNotContain("pwned", "h", "null", "fifo");
    }
  }

  /** Every path under {@code root} with its type, mode, owner, times, content and xattrs. */
  private static Map<String, String> describe(Path root) throws IOException {
    var description = new TreeMap<String, String>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Map<String, Object> attributes =
            Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        String content =
            Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Files.readString(path) : "";
        String xattrs =
            HostCommand.run("getfattr", "-h", "-d", "-m", "-", "--absolute-names", path.toString())
                .stdout();
        description.put(
            root.relativize(path).toString(),
            Stream.of("mode", "uid", "gid", "ino", "size", "lastModifiedTime", "ctime")
                    .map(((Function<String, Object>) attributes::get).andThen(String::valueOf))
                    .toList()
                + " "
                + content
                + " "
                + xattrs);
      }
    }
    return description;
  }
}
