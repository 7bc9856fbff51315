package cn.subsidy.bench;

import cn.subsidy.support.Http;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One HTTP client per demo user (password {@code demo}), reused across calls and threads. */
final class Users {

  private final int port;
  private final Map<String, Http> clients = new ConcurrentHashMap<>();

  Users(int port) {
    this.port = port;
  }

  Http as(String user) {
    return clients.computeIfAbsent(user, u -> Http.as(port, u, "demo"));
  }

  int port() {
    return port;
  }
}
