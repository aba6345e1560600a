package dev.tributary.sources;

import dev.tributary.sources.FetchException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Collects a response body chunk by chunk, decoding gzip or deflate on the way and counting the
 * decoded bytes against the limit, so a gzip bomb or an endless body stops at {@code maxBytes} with
 * at most one 64 KiB step of extra work. Pure (no Vert.x); call {@link #release()} when done with
 * it, whatever happened, to free the native inflater.
 */
final class LimitedBody {

  private enum Coding {
    IDENTITY,
    GZIP,
    DEFLATE
  }

  private enum State {
    HEADER,
    DATA,
    TRAILER,
    MEMBER_END,
    DONE
  }

  private static final int MAX_GZIP_HEADER = 64 * 1024;
  private static final int STEP = 64 * 1024;

  private final Coding coding;
  private final long maxBytes;
  private final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
  private final byte[] step = new byte[STEP];
  private final CRC32 crc = new CRC32();
  private byte[] pending = new byte[0];
  private State state = State.HEADER;
  private Inflater inflater;
  private long encodedBytes;
  private long memberSize;

  private LimitedBody(Coding coding, long maxBytes) {
    this.coding = coding;
    this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
  }

  /**
   * A body for this Content-Encoding header.
   *
   * @throws FetchException PROTOCOL for an encoding we did not ask for
   */
  static LimitedBody forEncoding(String contentEncoding, long maxBytes) {
    String encoding =
        contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    Coding coding =
        switch (encoding) {
          case "", "identity" -> Coding.IDENTITY;
          case "gzip", "x-gzip" -> Coding.GZIP;
          case "deflate" -> Coding.DEFLATE;
          default ->
              throw new FetchException(
                  Reason.PROTOCOL, "unsupported Content-Encoding '" + contentEncoding + "'");
        };
    return new LimitedBody(coding, maxBytes);
  }

  /** Whether the body is compressed: accepting a chunk then means inflating it (CPU work). */
  boolean compressed() {
    return coding != Coding.IDENTITY;
  }

  /** Decoded bytes so far. */
  long size() {
    return decoded.size();
  }

  /**
   * Takes the next chunk as it came off the wire.
   *
   * @throws FetchException TOO_LARGE past the limit, PROTOCOL for a corrupt encoding
   */
  void accept(byte[] chunk) {
    encodedBytes += chunk.length;
    switch (coding) {
      case IDENTITY -> append(chunk, 0, chunk.length);
      case GZIP -> acceptGzip(concat(pending, chunk));
      case DEFLATE -> acceptDeflate(concat(pending, chunk));
    }
  }

  /**
   * The whole decoded body once the response ended.
   *
   * @throws FetchException PROTOCOL when a compressed body was cut short
   */
  byte[] finish() {
    boolean complete =
        coding == Coding.IDENTITY
            || state == State.DONE
            || state == State.MEMBER_END
            || (encodedBytes == 0 && state == State.HEADER);
    if (!complete) {
      throw new FetchException(
          Reason.PROTOCOL, "the " + coding.name().toLowerCase(Locale.ROOT) + " body is truncated");
    }
    release();
    return decoded.toByteArray();
  }

  void release() {
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }

  private void acceptDeflate(byte[] input) {
    pending = new byte[0];
    if (state == State.HEADER) {
      if (input.length < 2) {
        pending = input;
        return;
      }
      // "deflate" should be zlib-wrapped; some servers send raw deflate. Browsers accept both.
      int cmf = input[0] & 0xFF;
      boolean zlib = (cmf & 0x0F) == 8 && ((cmf << 8) | (input[1] & 0xFF)) % 31 == 0;
      inflater = new Inflater(!zlib);
      state = State.DATA;
    }
    if (state == State.DATA) {
      int rest = inflate(input, 0, input.length);
      if (rest >= 0) {
        state = State.DONE; // anything after the end of the stream is ignored
      }
    }
  }

  private void acceptGzip(byte[] input) {
    pending = new byte[0];
    int offset = 0;
    while (offset < input.length && state != State.DONE) {
      switch (state) {
        case HEADER -> {
          int header = gzipHeaderLength(input, offset);
          if (header < 0) {
            keep(input, offset);
            return;
          }
          offset += header;
          if (inflater == null) {
            inflater = new Inflater(true);
          } else {
            inflater.reset();
          }
          crc.reset();
          memberSize = 0;
          state = State.DATA;
        }
        case DATA -> {
          int rest = inflate(input, offset, input.length - offset);
          if (rest < 0) {
            return;
          }
          offset = input.length - rest;
          state = State.TRAILER;
        }
        case TRAILER -> {
          if (input.length - offset < 8) {
            keep(input, offset);
            return;
          }
          checkTrailer(input, offset);
          offset += 8;
          state = State.MEMBER_END;
        }
        case MEMBER_END -> {
          // Another gzip member may follow; anything else after a complete member is ignored,
          // as browsers do.
          if (input.length - offset < 2) {
            keep(input, offset);
            return;
          }
          boolean magic = (input[offset] & 0xFF) == 0x1F && (input[offset + 1] & 0xFF) == 0x8B;
          state = magic ? State.HEADER : State.DONE;
        }
        case DONE -> {
          return;
        }
      }
    }
  }

  /**
   * Inflates {@code length} bytes from {@code offset}; returns how many input bytes were left over
   * when the deflate stream ended, or -1 when it needs more input.
   */
  private int inflate(byte[] input, int offset, int length) {
    inflater.setInput(input, offset, length);
    try {
      while (true) {
        int n = inflater.inflate(step);
        if (n > 0) {
          append(step, 0, n);
          if (coding == Coding.GZIP) {
            crc.update(step, 0, n);
            memberSize += n;
          }
        }
        if (inflater.finished()) {
          return inflater.getRemaining();
        }
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          if (inflater.needsDictionary()) {
            throw new FetchException(Reason.PROTOCOL, "deflate body needs a preset dictionary");
          }
          return -1;
        }
      }
    } catch (DataFormatException e) {
      throw new FetchException(Reason.PROTOCOL, "corrupt compressed body: " + e.getMessage());
    }
  }

  private void append(byte[] bytes, int offset, int length) {
    if (decoded.size() + (long) length > maxBytes) {
      throw new FetchException(
          Reason.TOO_LARGE, "the body is larger than the limit of " + maxBytes + " bytes");
    }
    decoded.write(bytes, offset, length);
  }

  private void keep(byte[] input, int offset) {
    pending = Arrays.copyOfRange(input, offset, input.length);
    if (state == State.HEADER && pending.length > MAX_GZIP_HEADER) {
      throw new FetchException(Reason.PROTOCOL, "gzip header is too long");
    }
  }

  private void checkTrailer(byte[] input, int offset) {
    long expectedCrc = littleEndian(input, offset);
    long expectedSize = littleEndian(input, offset + 4);
    if (expectedCrc != crc.getValue() || expectedSize != (memberSize & 0xFFFF_FFFFL)) {
      throw new FetchException(Reason.PROTOCOL, "gzip body fails its checksum");
    }
  }

  /** Length of the gzip member header at {@code offset}, or -1 when more bytes are needed. */
  private static int gzipHeaderLength(byte[] b, int offset) {
    int length = b.length - offset;
    if (length < 10) {
      if (length >= 1 && (b[offset] & 0xFF) != 0x1F
          || length >= 2 && (b[offset + 1] & 0xFF) != 0x8B) {
        throw new FetchException(Reason.PROTOCOL, "Content-Encoding is gzip but the body is not");
      }
      return -1;
    }
    if ((b[offset] & 0xFF) != 0x1F || (b[offset + 1] & 0xFF) != 0x8B || b[offset + 2] != 8) {
      throw new FetchException(Reason.PROTOCOL, "Content-Encoding is gzip but the body is not");
    }
    int flags = b[offset + 3] & 0xFF;
    int pos = offset + 10;
    if ((flags & 0x04) != 0) {
      if (pos + 2 > b.length) {
        return -1;
      }
      pos += 2 + ((b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8);
    }
    for (int flag : new int[] {0x08, 0x10}) {
      if ((flags & flag) != 0) {
        while (pos < b.length && b[pos] != 0) {
          pos++;
        }
        if (pos >= b.length) {
          return -1;
        }
        pos++;
      }
    }
    if ((flags & 0x02) != 0) {
      pos += 2;
    }
    return pos > b.length ? -1 : pos - offset;
  }

  private static long littleEndian(byte[] b, int offset) {
    return (b[offset] & 0xFFL)
        | (b[offset + 1] & 0xFFL) << 8
        | (b[offset + 2] & 0xFFL) << 16
        | (b[offset + 3] & 0xFFL) << 24;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    if (a.length == 0) {
      return b;
    }
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
