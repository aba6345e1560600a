package dev.tributary.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import dev.tributary.config.ConfigException;
import dev.tributary.config.TributaryConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Joins this instance to the cluster: a clustered Vert.x over Hazelcast, configured in code from
 * {@code cluster.*} (docs/CONFIGURATION.md). Members find each other by TCP through {@code
 * cluster.members} only — multicast and Hazelcast's cloud auto-detection are off, so nothing joins
 * that was not named — and Hazelcast neither phones home nor installs its own shutdown hook (the
 * instance's hook closes Vert.x, which leaves the cluster in order).
 */
public final class ClusterMember {
  /**
   * Fails with the key to change when this member's ports are taken: said before Hazelcast starts,
   * whose own failure to bind comes wrapped in a failed leave and its stack trace.
   */
  public static void checkPortsFree(TributaryConfig.Cluster cluster) {
    checkFree(cluster.host(), cluster.port(), "cluster.port");
    checkFree(cluster.host(), cluster.busPort(), "cluster.busPort");
  }

  private static void checkFree(String host, int port, String key) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw ConfigException.forKey(
          key, "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
    }
  }

  /** Members of one deployment share this Hazelcast cluster name; others cannot join by mistake. */
  static final String CLUSTER_NAME = "tributary";

  private ClusterMember() {}

  /**
   * A clustered Vert.x from {@code builder} and {@code options} (whose event-bus address this
   * sets); fails when Hazelcast or the event bus cannot bind.
   */
  public static Future<Vertx> join(
      VertxBuilder builder, VertxOptions options, TributaryConfig.Cluster cluster) {
    // Hazelcast logs its first lines before it reads the Config's properties: through JUL to the
    // console unless told this process-wide
    System.setProperty("hazelcast.logging.type", "slf4j");
    EventBusOptions bus = options.getEventBusOptions();
    bus.setHost(cluster.host()).setPort(cluster.busPort());
    return builder
        .with(options)
        .withClusterManager(new HazelcastClusterManager(hazelcast(cluster)))
        .buildClustered();
  }

  /**
   * The maps Vert.x keeps in Hazelcast (as vertx-hazelcast's default-cluster.xml declares them,
   * built here rather than parsed: parsing it needs an XML stack Hazelcast approves of) with our
   * network and properties.
   */
  static Config hazelcast(TributaryConfig.Cluster cluster) {
    Config config = new Config();
    config.addMultiMapConfig(
        new MultiMapConfig("__vertx.subs")
            .setBackupCount(1)
            .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    config.setClusterName(CLUSTER_NAME);
    config.setInstanceName(cluster.memberName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // bind and announce cluster.host only, not every interface the machine has
    config.setProperty("hazelcast.local.localAddress", cluster.host());
    config.setProperty("hazelcast.socket.bind.any", "false");
    // a member killed without leaving is noticed in seconds, not Hazelcast's default minute
    config.setProperty("hazelcast.heartbeat.interval.seconds", "2");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
    // A leaving member hands its partitions over for at most this long (Hazelcast's default is
    // 600 s). Hazelcast holds only Vert.x's subscription and node maps, which the members that stay
    // rebuild; the lasting state (leases, articles) is in the store. The last member to leave right
    // after another waited minutes otherwise.
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "10");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember(cluster.host() + ":" + cluster.port());
    cluster.members().forEach(member -> join.getTcpIpConfig().addMember(member));
    return config;
  }
}
