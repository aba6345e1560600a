package dev.tributary.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token for write endpoints: {@code api.token} when set, else the one in {@code
 * data.dir/api-token}, generated (mode 600) on first start.
 */
public final class ApiTokens {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
  public static final String FILE_NAME = "api-token";

  private ApiTokens() {}

  public static String resolve(TributaryConfig config) {
    if (!config.apiToken().isBlank()) return config.apiToken();
    Path file = config.dataDir().resolve(FILE_NAME);
    try {
      Files.createDirectories(config.dataDir());
      if (!Files.exists(file)) create(file);
      String token = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (token.isEmpty()) throw ConfigException.forKey("api.token", file + " is empty");
      LOG.info("API token for write endpoints is in {}", file.toAbsolutePath());
      return token;
    } catch (IOException e) {
      throw ConfigException.forKey(
          "api.token", "cannot read or create " + file + ": " + e.getMessage());
    }
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system
    } catch (FileAlreadyExistsException e) {
      return; // another instance made it first
    }
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
  }
}
