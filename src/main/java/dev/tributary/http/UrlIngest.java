package dev.tributary.http;

import dev.tributary.article.ArticleJson;
import dev.tributary.article.Format;
import dev.tributary.article.RawDocument;
import dev.tributary.article.SourceRef;
import dev.tributary.bus.Addresses;
import dev.tributary.bus.IngestGates;
import dev.tributary.extract.web.WebPage;
import dev.tributary.extract.web.WebPageExtractor;
import dev.tributary.sources.AddressGuard;
import dev.tributary.sources.FetchException;
import dev.tributary.sources.FetchRequest;
import dev.tributary.sources.FetchResult;
import dev.tributary.sources.Fetcher;
import dev.tributary.sources.parse.BodyCharset;
import dev.tributary.sources.parse.FeedSniffer;
import dev.tributary.store.StoredArticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;

/**
 * {@code POST /api/articles} with {@code {"url": "…"}}: fetches the page, extracts its main
 * content, and ingests it like any other article. A feed URL is refused with 409 and a hint to
 * subscribe to it instead.
 */
final class UrlIngest {
  private final Vertx vertx;
  private final Fetcher fetcher;
  private final SiteInfo site;
  private final WebPageExtractor extractor = new WebPageExtractor();

  private final boolean allowPrivateAddresses;
  private final IngestGates gates;

  UrlIngest(
      Vertx vertx,
      Fetcher fetcher,
      SiteInfo site,
      boolean allowPrivateAddresses,
      IngestGates gates) {
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.gates = gates;
    this.vertx = vertx;
    this.fetcher = fetcher;
    this.site = site;
  }

  void handle(RoutingContext ctx) {
    JsonObject body = SourceRoutes.jsonWithUrl(ctx, "https://…/article");
    if (body == null) return;
    String url = body.getString("url").trim();
    String refusal = AddressGuard.refusalBeforeFetch(url, allowPrivateAddresses).orElse(null);
    if (refusal != null) {
      Errors.send(ctx, 400, "url: " + refusal);
      return;
    }
    // The api gate covers the fetch too: a fetched page (up to fetch.maxBytes) is held in memory.
    gates
        .of("api")
        .submit(
            () ->
                fetcher
                    .fetch(
                        new FetchRequest(
                            url, null, null, "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"))
                    .compose(result -> ingest(ctx, result)))
        .onSuccess(
            stored -> {
              if (stored == null) return; // answered already (409)
              ctx.response()
                  .putHeader(
                      "Location", site.publicUrl() + "/api/articles/" + stored.article().id());
              ApiRoutes.sendJson(
                  ctx, stored.created() ? 201 : 200, ArticleJson.of(stored.article()));
            })
        .onFailure(
            e -> {
              if (!Saturation.answered(ctx, e))
                Errors.fromFailure(ctx, FetchException.asRefusal(e));
            });
  }

  private Future<StoredArticle> ingest(RoutingContext ctx, FetchResult result) {
    if (FeedSniffer.looksLikeFeed(result.body(), result.contentType())) {
      Errors.send(
          ctx,
          409,
          "this URL is a feed, not an article: subscribe to it with POST /api/sources {\"url\": \""
              + result.finalUrl()
              + "\"}");
      return Future.succeededFuture(null);
    }
    return vertx
        .executeBlocking(
            () ->
                extractor.extract(
                    BodyCharset.decodeHtml(result.body(), result.contentType()), result.finalUrl()),
            false)
        .compose(
            page ->
                vertx
                    .eventBus()
                    .<StoredArticle>request(
                        Addresses.PIPELINE, document(page, result), gates.pipelineRequests()))
        .map(reply -> reply.body());
  }

  private static RawDocument document(WebPage page, FetchResult result) {
    String host = URI.create(result.finalUrl()).getHost();
    String siteName =
        page.siteName() != null && !page.siteName().isBlank() ? page.siteName() : host;
    return new RawDocument(
        result.finalUrl(),
        Format.HTML,
        page.contentHtml(),
        new SourceRef("web:" + host, siteName),
        page.title(),
        page.canonicalUrl() != null ? page.canonicalUrl() : result.finalUrl(),
        null,
        page.published(),
        page.author(),
        List.of());
  }
}
