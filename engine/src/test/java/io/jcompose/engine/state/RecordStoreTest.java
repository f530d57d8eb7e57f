package io.jcompose.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {

  @TempDir Path directory;

  @Test
  void write_replacesTheRecordWholeAndListsKeysSorted() {
    var store = new RecordStore(directory);

    store.write("b", "{\"v\":1}");
    store.write("a", "{}");
    store.write("b", "{\"v\":2}");

    assertThat(store.read("b")).contains("{\"v\":2}");
    assertThat(store.keys()).containsExactly("a", "b");
    store.delete("a");
    assertThat(store.read("a")).isEmpty();
  }

  @Test
  void keys_removeTemporaryFilesLeftByACrash() throws Exception {
    var store = new RecordStore(directory);
    Files.writeString(directory.resolve(".tmp-c-7"), "half a rec");

    assertThat(store.keys()).isEmpty();
    assertThat(directory.resolve(".tmp-c-7")).doesNotExist();
  }

  @Test
  void keysThatCouldNameAnotherPath_areRefused() {
    var store = new RecordStore(directory);

    assertThatThrownBy(() -> store.write("../escape", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid record key");
    assertThatThrownBy(() -> store.read("a/b")).isInstanceOf(IllegalArgumentException.class);
  }
}
