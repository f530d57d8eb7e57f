package io.jcompose.engine.oci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineLimitsTest {

  private static final String LIMITS =
      "Limit                     Soft Limit           Hard Limit           Units     \n"
          + "Max cpu time              unlimited            unlimited            seconds   \n"
          + "Max stack size            8388608              unlimited            bytes     \n"
          + "Max processes             63704                63704                processes \n"
          + "Max open files            20000                20000                files     \n";

  /** This host's: every capability but CAP_SYS_RESOURCE (bit 24). */
  private static final String STATUS =
      "Name:\tjava\nCapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\n"
          + "CapEff:\t000001fffeffffff\nCapBnd:\t000001fffeffffff\n";

  @Test
  void parse_readsHardLimitsAndTheBoundingSet() {
    EngineLimits limits = EngineLimits.parse(LIMITS, STATUS);

    assertThat(limits.hardRlimits())
        .containsEntry("RLIMIT_NOFILE", 20000L)
        .containsEntry("RLIMIT_NPROC", 63704L)
        .containsEntry("RLIMIT_STACK", Rlimit.UNLIMITED)
        .containsEntry("RLIMIT_CPU", Rlimit.UNLIMITED);
    assertThat(limits.mayRaiseRlimits()).isFalse();
    assertThat(limits.boundingCapabilities())
        .hasSize(40)
        .contains("CAP_SYS_ADMIN", "CAP_CHECKPOINT_RESTORE")
        .doesNotContain("CAP_SYS_RESOURCE");
  }

  @Test
  void clamp_lowersARlimitToTheEnginesHardLimit_unlessItMayRaiseIt() {
    EngineLimits limits = EngineLimits.parse(LIMITS, STATUS);

    assertThat(limits.clamp(new Rlimit("RLIMIT_NOFILE", 1024, 1048576)))
        .isEqualTo(new Rlimit("RLIMIT_NOFILE", 1024, 20000));
    assertThat(limits.clamp(Rlimit.of("nofile", -1, -1)))
        .isEqualTo(new Rlimit("RLIMIT_NOFILE", 20000, 20000));
    assertThat(limits.clamp(new Rlimit("RLIMIT_CORE", 0, 100)))
        .isEqualTo(new Rlimit("RLIMIT_CORE", 0, 100));
    assertThat(EngineLimits.unrestricted().clamp(new Rlimit("RLIMIT_NOFILE", 1024, 1048576)).hard())
        .isEqualTo(1048576);
  }

  @Test
  void ofThisProcess_readsProc() {
    assertThat(EngineLimits.ofThisProcess().boundingCapabilities()).contains("CAP_CHOWN");
  }
}
