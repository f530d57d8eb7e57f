package io.jcompose.model.project;

import java.nio.file.Path;
import java.util.List;

/** A loaded compose project. (Fields are completed by the binding stage.) */
public record Project(String name, Path workingDirectory, List<Path> configFiles) {}
