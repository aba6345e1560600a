package dev.tributary.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh store for each test of a contract, closed after it (and its database dropped, where the
 * store made one): the lifecycle every store contract shares.
 */
public abstract class StoreUnderTest {
  protected Store store;

  /** A fresh, empty store. */
  protected abstract Store open() throws Exception;

  /** Drops the database made for this test (the store is closed already). */
  protected void dropDatabase() throws Exception {}

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    try {
      if (store != null) store.close();
    } finally {
      dropDatabase();
    }
  }
}
