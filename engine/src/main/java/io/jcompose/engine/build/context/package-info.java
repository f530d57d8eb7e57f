/**
 * What a build reads files from: the request's context tar extracted (with {@code .dockerignore}
 * applied and hostile entries refused), its named contexts, and the roots of earlier stages or
 * images; and the COPY/ADD steps prepared from them (sources resolved without leaving their root, a
 * content hash for the build cache) and applied to a step's root filesystem.
 */
package io.jcompose.engine.build.context;
