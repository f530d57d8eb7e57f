package io.jcompose.engine.build.dockerfile;

import java.util.Objects;

/**
 * A here-document of RUN, COPY or ADD ({@code <<EOF ... EOF}): its terminator name, its content
 * (ending in a newline; leading tabs already removed for {@code <<-EOF}), and whether variables in
 * it are to be expanded (an unquoted name) or kept ({@code <<"EOF"}, {@code <<'EOF'}).
 */
public record Heredoc(String name, String content, boolean expand) {
  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }
}
