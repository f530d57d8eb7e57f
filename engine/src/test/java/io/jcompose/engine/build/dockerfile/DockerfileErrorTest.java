package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import org.junit.jupiter.api.Test;

class DockerfileErrorTest {

  private static void assertRefused(String dockerfile, String message) {
    assertThatThrownBy(() -> Dockerfile.parse(dockerfile))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void parse_namesTheLineOfAnUnknownInstruction() {
    assertRefused(
        "FROM scratch\n\n# note\nFOOBAR x\n", "Dockerfile:4: unknown instruction: FOOBAR");
  }

  @Test
  void parse_namesTheStartingLineOfAContinuedInstruction() {
    assertRefused("FROM scratch\nCOPY \\\n  onlyone\n", "Dockerfile:2: COPY requires at least two");
  }

  @Test
  void parse_refusesMissingArguments() {
    assertRefused("FROM scratch\nRUN\n", "Dockerfile:2: RUN requires at least one argument");
    assertRefused("FROM scratch\nWORKDIR   \n", "Dockerfile:2: WORKDIR requires at least one");
    assertRefused("FROM scratch\nENV ONLYKEY\n", "Dockerfile:2: ENV must have two arguments");
    assertRefused(
        "FROM scratch\nENV A=1 B\n", "Dockerfile:2: Syntax error - can't find = in \"B\"");
    assertRefused("FROM scratch\nLABEL =x\n", "Dockerfile:2: LABEL names can not be blank");
    assertRefused("FROM\n", "Dockerfile:1: FROM requires either one or three arguments");
    assertRefused("FROM a AS\n", "Dockerfile:1: FROM requires either one or three arguments");
  }

  @Test
  void parse_refusesUnknownFlagsAndFlagsWithoutValues() {
    assertRefused(
        "FROM scratch\nRUN --foo=bar ls\n", "Dockerfile:2: unknown flag: --foo (RUN takes");
    assertRefused(
        "FROM scratch\nCOPY --checksum=x a b\n", "Dockerfile:2: unknown flag: --checksum");
    assertRefused(
        "FROM scratch\nCMD --x ls\n", "Dockerfile:2: unknown flag: --x (CMD takes no flags)");
    assertRefused("FROM scratch\nCOPY --from a b\n", "Dockerfile:2: flag --from needs a value");
  }

  @Test
  void parse_refusesShellWithoutJsonAndBadHealthchecks() {
    assertRefused(
        "FROM scratch\nSHELL /bin/bash -c\n", "Dockerfile:2: SHELL requires the arguments");
    assertRefused("FROM scratch\nSHELL [\"a\", \n", "Dockerfile:2: SHELL requires the arguments");
    assertRefused("FROM scratch\nHEALTHCHECK CURL x\n", "Dockerfile:2: Unknown type \"CURL\"");
    assertRefused("FROM scratch\nHEALTHCHECK NONE x\n", "Dockerfile:2: HEALTHCHECK NONE takes no");
    assertRefused(
        "FROM scratch\nHEALTHCHECK --interval=5 CMD ls\n",
        "Dockerfile:2: invalid duration in --interval=5");
    assertRefused("FROM scratch\nHEALTHCHECK --retries=x CMD ls\n", "Dockerfile:2: invalid number");
    assertRefused("FROM scratch\nHEALTHCHECK CMD\n", "Dockerfile:2: HEALTHCHECK CMD requires");
  }

  @Test
  void parse_refusesForbiddenOnBuildTriggers() {
    assertRefused("FROM scratch\nONBUILD ONBUILD RUN ls\n", "Dockerfile:2: Chaining ONBUILD");
    assertRefused("FROM scratch\nONBUILD from alpine\n", "Dockerfile:2: FROM isn't allowed as an");
    assertRefused(
        "FROM scratch\nONBUILD MAINTAINER me\n", "Dockerfile:2: MAINTAINER isn't allowed");
  }

  @Test
  void parse_refusesAMissingOrLateFrom() {
    assertRefused("# only a comment\n\n", "Dockerfile: file with no instructions or no FROM");
    assertRefused(
        "ARG V=1\nRUN ls\nFROM scratch\n", "Dockerfile:2: no FROM before this instruction");
  }

  @Test
  void parse_refusesDuplicateAndInvalidStageNames() {
    assertRefused(
        "FROM a AS build\nFROM b AS BUILD\n",
        "Dockerfile:2: duplicate stage name \"build\" (first used on line 1)");
    assertRefused("FROM a AS 1st\n", "Dockerfile:1: invalid name for build stage: \"1st\"");
  }

  @Test
  void parse_refusesEmptyVolumes() {
    assertRefused("FROM scratch\nVOLUME [\"\"]\n", "Dockerfile:2: VOLUME specified can not be");
  }

  @Test
  void exposedPort_quotesAWordThatIsNotAPort() {
    assertThatThrownBy(() -> ExposedPort.parse("http"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"http\"");
    assertThatThrownBy(() -> ExposedPort.parse("80/icmp")).hasMessageContaining("\"80/icmp\"");
    assertThatThrownBy(() -> ExposedPort.parse("70000")).hasMessageContaining("1 to 65535");
  }
}
