package io.redline.modules.chat;

import io.redline.config.ConfigOption;
import io.redline.module.ModuleContext;
import io.redline.module.RedlineModule;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Pub/sub for browsers: a WebSocket endpoint and a small chat page on {@code http-port} (off when
 * 0). Browsers and RESP clients share channels; rooms keep their recent messages in list keys.
 * See docs/chat.md for the JSON protocol.
 */
public final class ChatModule implements RedlineModule {
  private static final Logger LOG = Logger.getLogger("redline.chat");
  private Vertx vertx;
  private String deployment;

  @Override
  public String name() { return "chat"; }

  @Override
  public List<ConfigOption> configOptions() {
    return List.of(
        ConfigOption.integer("http-port", 0, 0, 65535, false),
        ConfigOption.integer("chat-history-length", 100, 0, 100_000, true),
        ConfigOption.integer("chat-publish-rate", 20, 0, 1_000_000, true),
        ConfigOption.string("chat-channels", "*", true, false));
  }

  @Override
  public void start(ModuleContext context) {
    int httpPort = context.server().config().getInt("http-port");
    if (httpPort == 0) return;
    this.vertx = context.vertx();
    var config = context.server().config();
    int serverPort = context.server().port();
    String bind = config.get("bind").trim().split("\\s+")[0];
    String httpHost = bind.equals("*") || bind.contains("*") ? "0.0.0.0" : bind.startsWith("-") ? bind.substring(1) : bind;
    int loops = config.getInt("shards");
    AtomicBoolean recorderTaken = new AtomicBoolean();
    Future<String> deployed = vertx.deployVerticle(
        () -> new ChatVerticle(context.server().pubsub(), ChatSettings.cached(config, serverPort), httpPort, httpHost, recorderTaken.compareAndSet(false, true)),
        new DeploymentOptions().setInstances(loops));
    try {
      deployment = deployed.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("chat module: could not listen on http-port " + httpPort + ": " + e.getMessage(), e);
    }
    LOG.info("chat: WebSocket endpoint ws://" + httpHost + ":" + httpPort + ChatVerticle.WEBSOCKET_PATH + ", page http://"
        + httpHost + ":" + httpPort + "/");
  }

  @Override
  public void stop() {
    if (deployment != null) vertx.undeploy(deployment);
  }
}
