package dev.roleusage.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket: sends the target exactly as given (no URI
 * normalisation) with only Host, Connection: close and the given headers, and reads the whole reply.
 */
final class RawHttp {
  private RawHttp() {}

  record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    String header(String name) {
      return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Reply get(int port, String target, Map<String, String> headers) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    byte[] bytes = all.toByteArray();
    int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).strip();
      String value = lines[i].substring(colon + 1).strip();
      headers.add(Map.entry(name, value));
      if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    return new Reply(status, headers, chunked ? dechunk(rest) : rest);
  }

  private static byte[] dechunk(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (true) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, pos, data.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
      String sizeLine = new String(data, pos, lineEnd, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
      pos += lineEnd + 2;
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(data, pos, size);
      pos += size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("malformed HTTP reply");
  }
}
