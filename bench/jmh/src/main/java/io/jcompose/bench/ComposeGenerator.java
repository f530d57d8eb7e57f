package io.jcompose.bench;

/**
 * Writes a large, valid compose file whose services use the common attributes: images and builds,
 * ports, volumes, environment, depends_on chains with conditions, healthchecks, networks, labels.
 */
final class ComposeGenerator {

  private ComposeGenerator() {}

  static String services(int count) {
    var text = new StringBuilder(count * 600);
    text.append("name: bench\n\nservices:\n");
    for (int i = 0; i < count; i++) {
      String name = "svc" + i;
      text.append("  ").append(name).append(":\n");
      if (i % 10 == 9) {
        text.append("    build:\n      context: ./").append(name).append("\n");
        text.append("      args:\n        REVISION: ${REVISION:-dev}\n");
      } else {
        text.append("    image: registry.example.com/team/").append(name).append(":1.").append(i);
        text.append("\n");
      }
      text.append("    ports:\n      - \"").append(10000 + i).append(":8080\"\n");
      text.append("    environment:\n");
      text.append("      SERVICE_NAME: ").append(name).append('\n');
      text.append("      LOG_LEVEL: ${LOG_LEVEL:-info}\n");
      text.append("      REPLICA: \"").append(i).append("\"\n");
      text.append("    volumes:\n");
      text.append("      - data").append(i % 20).append(":/var/lib/").append(name).append('\n');
      text.append("      - ./config/").append(name).append(":/etc/").append(name).append(":ro\n");
      if (i > 0) {
        text.append("    depends_on:\n");
        text.append("      svc").append(i - 1).append(":\n");
        text.append("        condition: ")
            .append(i % 3 == 0 ? "service_healthy" : "service_started")
            .append('\n');
      }
      if (i % 3 == 0) {
        text.append("    healthcheck:\n");
        text.append("      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n");
        text.append("      interval: 10s\n      timeout: 3s\n      retries: 5\n");
      }
      text.append("    networks: [").append(i % 2 == 0 ? "front" : "back").append(", shared]\n");
      text.append("    labels:\n      com.example.index: \"").append(i).append("\"\n");
      text.append("    restart: unless-stopped\n");
    }
    text.append("\nnetworks:\n  front: {}\n  back: {}\n  shared:\n    driver: bridge\n");
    text.append("\nvolumes:\n");
    for (int i = 0; i < 20; i++) {
      text.append("  data").append(i).append(": {}\n");
    }
    return text.toString();
  }
}
