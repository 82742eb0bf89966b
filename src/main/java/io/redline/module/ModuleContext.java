package io.redline.module;

import io.redline.server.ServerContext;
import io.vertx.core.Vertx;

/** What a started module may use: the server's shared state and its Vert.x instance. */
public record ModuleContext(ServerContext server, Vertx vertx) { }
