/**
 * Dockerfiles as the builder sees them: {@link io.jcompose.engine.build.dockerfile.Dockerfile#parse
 * parsing} into typed {@link io.jcompose.engine.build.dockerfile.Instruction instructions} grouped
 * into {@link io.jcompose.engine.build.dockerfile.Stage stages}, {@link
 * io.jcompose.engine.build.dockerfile.Scope variable substitution} with ARG/ENV scoping, and {@link
 * io.jcompose.engine.build.dockerfile.BuildTarget target resolution}. Pure code: no host, no I/O.
 */
package io.jcompose.engine.build.dockerfile;
