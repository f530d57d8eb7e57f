package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionFormsTest {

  private static Instruction parse(String line) {
    return Dockerfile.parse("FROM scratch\n" + line + "\n").stages().get(0).instructions().get(0);
  }

  @Test
  void from_readsPlatformImageAndLowerCasedStageName() {
    Dockerfile dockerfile =
        Dockerfile.parse("FROM --platform=$BUILDPLATFORM golang:1.22 As Build\nFROM alpine\n");

    assertThat(dockerfile.stages().get(0).from())
        .isEqualTo(new Instruction.From(1, "$BUILDPLATFORM", "golang:1.22", "build"));
    assertThat(dockerfile.stages().get(1).from())
        .isEqualTo(new Instruction.From(2, null, "alpine", null));
  }

  @Test
  void run_keepsMountAndNetworkFlagsRawInBothForms() {
    assertThat(parse("RUN --mount=type=cache,target=/root/.cache --network=none go build ./..."))
        .isEqualTo(
            new Instruction.Run(
                2,
                List.of(
                    new Flag("mount", "type=cache,target=/root/.cache"),
                    new Flag("network", "none")),
                new Command.Shell("go build ./...")));
    assertThat(parse("RUN [\"/bin/sh\", \"-c\", \"echo $HOME\"]"))
        .isEqualTo(
            new Instruction.Run(
                2, List.of(), new Command.Exec(List.of("/bin/sh", "-c", "echo $HOME"))));
  }

  @Test
  void cmdAndEntrypoint_fallBackToShellFormWhenTheJsonIsNotAnArrayOfStrings() {
    assertThat(parse("CMD [\"nginx\", \"-g\", \"daemon off;\"]"))
        .isEqualTo(new Instruction.Cmd(2, new Command.Exec(List.of("nginx", "-g", "daemon off;"))));
    assertThat(parse("CMD []")).isEqualTo(new Instruction.Cmd(2, new Command.Exec(List.of())));
    assertThat(parse("ENTRYPOINT [\"a\", 1]"))
        .isEqualTo(new Instruction.Entrypoint(2, new Command.Shell("[\"a\", 1]")));
    assertThat(parse("ENTRYPOINT [unquoted]"))
        .isEqualTo(new Instruction.Entrypoint(2, new Command.Shell("[unquoted]")));
  }

  @Test
  void copy_readsFlagsSourcesAndDestinationInBothForms() {
    assertThat(
            parse("COPY --from=build --chown=app:app --chmod=0755 --link /out/a /out/b /usr/bin/"))
        .isEqualTo(
            new Instruction.Copy(
                2,
                false,
                new Instruction.CopyOptions("build", "app:app", "0755", true, List.of()),
                List.of("/out/a", "/out/b"),
                "/usr/bin/"));
    Instruction.Copy json = (Instruction.Copy) parse("COPY [\"my file\", \"/dest dir/\"]");
    assertThat(json.sources()).containsExactly("my file");
    assertThat(json.destination()).isEqualTo("/dest dir/");
  }

  @Test
  void add_isACopyThatKeepsItsOwnFlags() {
    Instruction.Copy add =
        (Instruction.Copy)
            parse("ADD --checksum=sha256:abc --link=false https://example.com/a.tgz /tmp/");

    assertThat(add.add()).isTrue();
    assertThat(add.options().link()).isFalse();
    assertThat(add.options().other()).containsExactly(new Flag("checksum", "sha256:abc"));
    assertThat(add.options().source()).isEmpty();
  }

  @Test
  void env_readsTheKeyValueFormWithQuotesAndTheLegacyForm() {
    assertThat(parse("ENV A=1 B=\"two words\" C=three\\ words"))
        .isEqualTo(
            new Instruction.Env(
                2,
                List.of(
                    new KeyValue("A", "1"),
                    new KeyValue("B", "\"two words\""),
                    new KeyValue("C", "three\\ words"))));
    assertThat(parse("ENV GREETING hello   big world"))
        .isEqualTo(new Instruction.Env(2, List.of(new KeyValue("GREETING", "hello   big world"))));
  }

  @Test
  void argAndLabel_readOneOrMoreEntries() {
    assertThat(parse("ARG VERSION=1.0 TARGETOS"))
        .isEqualTo(
            new Instruction.Arg(
                2,
                List.of(
                    new Instruction.Arg.Declaration("VERSION", "1.0"),
                    new Instruction.Arg.Declaration("TARGETOS", null))));
    assertThat(parse("LABEL org.opencontainers.image.title=\"my app\" version=2"))
        .isEqualTo(
            new Instruction.Label(
                2,
                List.of(
                    new KeyValue("org.opencontainers.image.title", "\"my app\""),
                    new KeyValue("version", "2"))));
  }

  @Test
  void singleStringInstructions_keepTheirWholeArgument() {
    assertThat(parse("WORKDIR /my app")).isEqualTo(new Instruction.Workdir(2, "/my app"));
    assertThat(parse("USER app:staff")).isEqualTo(new Instruction.User(2, "app:staff"));
    assertThat(parse("STOPSIGNAL SIGQUIT")).isEqualTo(new Instruction.StopSignal(2, "SIGQUIT"));
    assertThat(parse("MAINTAINER Jane <jane@example.com>"))
        .isEqualTo(new Instruction.Maintainer(2, "Jane <jane@example.com>"));
  }

  @Test
  void exposeAndVolume_readLists() {
    assertThat(parse("EXPOSE 80 53/udp 8000-8010/tcp"))
        .isEqualTo(new Instruction.Expose(2, List.of("80", "53/udp", "8000-8010/tcp")));
    assertThat(parse("VOLUME /data /logs"))
        .isEqualTo(new Instruction.Volume(2, List.of("/data", "/logs")));
    assertThat(parse("VOLUME [\"/var/lib/my data\"]"))
        .isEqualTo(new Instruction.Volume(2, List.of("/var/lib/my data")));
  }

  @Test
  void exposedPort_readsPortRangeAndProtocol() {
    assertThat(ExposedPort.parse("80")).isEqualTo(new ExposedPort(80, 80, "tcp"));
    assertThat(ExposedPort.parse("53/UDP")).isEqualTo(new ExposedPort(53, 53, "udp"));
    assertThat(ExposedPort.parse("8000-8010/tcp")).isEqualTo(new ExposedPort(8000, 8010, "tcp"));
  }

  @Test
  void healthcheck_readsNoneAndCmdWithItsOptions() {
    assertThat(parse("HEALTHCHECK none"))
        .isEqualTo(new Instruction.Healthcheck(2, null, Instruction.HealthOptions.NONE));
    Instruction.Healthcheck check =
        (Instruction.Healthcheck)
            parse(
                "HEALTHCHECK --interval=1m30s --timeout=500ms --start-period=2s"
                    + " --start-interval=1.5s --retries=3 CMD [\"curl\", \"-f\", \"http://localhost/\"]");
    assertThat(check.disabled()).isFalse();
    assertThat(check.command())
        .isEqualTo(new Command.Exec(List.of("curl", "-f", "http://localhost/")));
    assertThat(check.options())
        .isEqualTo(
            new Instruction.HealthOptions(
                Duration.ofSeconds(90),
                Duration.ofMillis(500),
                Duration.ofSeconds(2),
                Duration.ofMillis(1500),
                3));
    assertThat(((Instruction.Healthcheck) parse("HEALTHCHECK CMD curl -f localhost")).command())
        .isEqualTo(new Command.Shell("curl -f localhost"));
  }

  @Test
  void shell_readsItsJsonArray() {
    assertThat(parse("SHELL [\"powershell\", \"-command\"]"))
        .isEqualTo(new Instruction.Shell(2, List.of("powershell", "-command")));
  }

  @Test
  void onBuild_wrapsItsTriggerAndKeepsItAsWritten() {
    assertThat(parse("ONBUILD copy . /app/src"))
        .isEqualTo(
            new Instruction.OnBuild(
                2,
                new Instruction.Copy(
                    2,
                    false,
                    new Instruction.CopyOptions(null, null, null, false, List.of()),
                    List.of("."),
                    "/app/src"),
                "copy . /app/src"));
  }
}
