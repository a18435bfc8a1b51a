package rs.astra.nrm.bench.caseload;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The password hash every generated user gets, computed once: the password {@code demo} in the
 * format of Jakarta Security's {@code Pbkdf2PasswordHash} as Payara's implementation (Soteria)
 * writes and verifies it, {@code algorithm:iterations:base64(salt):base64(key)}, with its defaults
 * (PBKDF2WithHmacSHA256, 2048 iterations, 32-byte salt, 32-byte key) — the same as {@code
 * DemoDataSeeder} stores, so that generated users log in with {@code demo}.
 */
final class DemoPasswordHash {

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 2048;

  private DemoPasswordHash() {}

  /**
   * @param password the password
   * @param seed makes the salt deterministic (a benchmark database, not a real one)
   * @return the encoded hash
   */
  static String of(String password, long seed) {
    byte[] salt = new byte[32];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) random.nextInt(256);
    }
    return ALGORITHM
        + ":"
        + ITERATIONS
        + ":"
        + Base64.getEncoder().encodeToString(salt)
        + ":"
        + Base64.getEncoder().encodeToString(key(password, salt, ITERATIONS));
  }

  static byte[] key(String password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance(ALGORITHM)
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 32 * 8))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " not available", e);
    }
  }
}
