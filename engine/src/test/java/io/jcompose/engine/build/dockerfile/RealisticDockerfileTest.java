package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealisticDockerfileTest {

  private static final String PYTHON_APP =
      "ARG PYTHON=3.12\n"
          + "FROM python:${PYTHON}-slim AS runtime\n"
          + "ARG PYTHON\n"
          + "ENV PYTHONDONTWRITEBYTECODE 1\n"
          + "ENV APP_HOME=/srv/app \\\n"
          + "    PATH=\"/srv/app/.venv/bin:$PATH\"\n"
          + "LABEL org.opencontainers.image.description=\"python $PYTHON service\"\n"
          + "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
          + "WORKDIR $APP_HOME\n"
          + "COPY --chown=app:app requirements.txt ${APP_HOME}/\n"
          + "RUN pip install -r requirements.txt | tee /tmp/pip.log\n"
          + "EXPOSE ${PORT:-8000}\n"
          + "VOLUME $APP_HOME/data\n"
          + "USER app\n"
          + "STOPSIGNAL SIGINT\n"
          + "HEALTHCHECK --interval=10s --retries=5 CMD curl -fs localhost:${PORT:-8000}/health\n"
          + "ONBUILD COPY . $APP_HOME\n"
          + "CMD [\"gunicorn\", \"app:wsgi\"]\n";

  @Test
  void walkingAStage_givesEachInstructionItsExpandedWords() {
    Dockerfile dockerfile = Dockerfile.parse(PYTHON_APP);
    Scope global = Scope.global(dockerfile, Map.of("PYTHON", "3.11"), Platforms.of("linux/amd64"));
    Stage stage = dockerfile.stages().get(0);
    assertThat(((Instruction.From) global.expand(stage.from())).image())
        .isEqualTo("python:3.11-slim");

    Scope scope = global.stage(Map.of("PATH", "/usr/local/bin:/usr/bin"));
    List<Instruction> expanded = new ArrayList<>();
    for (Instruction instruction : stage.instructions()) {
      expanded.add(scope.expand(instruction));
      scope = scope.with(instruction);
    }

    assertThat(scope.env())
        .containsEntry("PYTHONDONTWRITEBYTECODE", "1")
        .containsEntry("APP_HOME", "/srv/app")
        .containsEntry("PATH", "/srv/app/.venv/bin:/usr/local/bin:/usr/bin");
    assertThat(expanded)
        .contains(
            new Instruction.Label(
                7,
                List.of(
                    new KeyValue("org.opencontainers.image.description", "python 3.11 service"))),
            new Instruction.Workdir(9, "/srv/app"),
            new Instruction.Copy(
                10,
                false,
                new Instruction.CopyOptions(null, "app:app", null, false, List.of()),
                List.of("requirements.txt"),
                "/srv/app/"),
            new Instruction.Expose(12, List.of("8000")),
            new Instruction.Volume(13, List.of("/srv/app/data")),
            new Instruction.User(14, "app"),
            new Instruction.StopSignal(15, "SIGINT"));
    Instruction.Healthcheck check = (Instruction.Healthcheck) expanded.get(12);
    assertThat(check.command())
        .isEqualTo(new Command.Shell("curl -fs localhost:${PORT:-8000}/health"));
    assertThat(check.options().retries()).isEqualTo(5);
    Instruction.OnBuild onBuild = (Instruction.OnBuild) expanded.get(13);
    assertThat(onBuild.expression()).isEqualTo("COPY . $APP_HOME");
    assertThat(expanded.get(14))
        .isEqualTo(new Instruction.Cmd(18, new Command.Exec(List.of("gunicorn", "app:wsgi"))));
    assertThat(ExposedPort.parse(((Instruction.Expose) expanded.get(8)).ports().get(0)))
        .isEqualTo(new ExposedPort(8000, 8000, "tcp"));
  }
}
