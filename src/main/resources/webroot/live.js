// Live updates for the article list: each article the server stores arrives on /api/stream as an
// SSE "article" event and is put at the top of the list — unless it is another copy of a story
// (storyId is not its own id): then the story's card, when shown, names its source too. Built with
// DOM calls and textContent only, so nothing in an article can become markup. Without the stream
// the page simply stays as the server rendered it.
(function () {
  "use strict";

  const list = document.getElementById("articles");
  if (!list || !list.dataset.stream || !("EventSource" in window)) return;
  const notice = document.getElementById("live-notice");
  const topic = list.dataset.topic || null;
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  let fresh = 0;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function two(n) {
    return n < 10 ? "0" + n : String(n);
  }

  // Same form as the server renders: "21 Nov 2026, 23:19 UTC".
  function formatDate(iso) {
    const d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear() + ", " +
      two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + " UTC";
  }

  function topicsOf(article) {
    return Array.isArray(article.topics) ? article.topics.filter((t) => t && t.slug) : [];
  }

  function card(article) {
    const node = element("article", "card new");
    node.dataset.id = article.id;
    const heading = element("h2");
    const link = element("a", null, article.title || "(untitled)");
    link.href = "/articles/" + encodeURIComponent(article.id);
    heading.appendChild(link);
    node.appendChild(heading);

    const meta = element("p", "meta");
    meta.appendChild(element("span", "source", article.source && article.source.title));
    meta.appendChild(document.createTextNode(" · "));
    const time = element("time", null, formatDate(article.published));
    time.dateTime = article.published || "";
    meta.appendChild(time);
    node.appendChild(meta);

    if (article.summary) node.appendChild(element("p", "summary", article.summary));

    const topics = topicsOf(article);
    if (topics.length > 0) {
      const chips = element("p", "chips");
      for (const t of topics) {
        const chip = element("a", "chip topic", t.label || t.slug);
        chip.href = "/?topic=" + encodeURIComponent(t.slug);
        chips.appendChild(chip);
      }
      node.appendChild(chips);
    }
    return node;
  }

  function shownCard(id) {
    for (const node of list.children) if (node.dataset.id === id) return node;
    return null;
  }

  function isShown(id) {
    return shownCard(id) !== null;
  }

  // Another copy of a story: named on the card of the story's first copy, as the server does.
  function addCopy(article) {
    const story = shownCard(article.storyId);
    const meta = story && story.querySelector(".meta");
    if (!meta) return;
    let alsoIn = meta.querySelector(".also-in");
    if (!alsoIn) {
      meta.appendChild(document.createTextNode(" · "));
      alsoIn = element("span", "also-in", "also in ");
      meta.appendChild(alsoIn);
    } else {
      alsoIn.appendChild(document.createTextNode(", "));
    }
    const link = element("a", null, article.source && article.source.title);
    link.href = "/articles/" + encodeURIComponent(article.id);
    alsoIn.appendChild(link);
  }

  function countTopics(article) {
    for (const t of topicsOf(article)) {
      for (const chip of document.querySelectorAll("nav.topics .chip[data-topic]")) {
        if (chip.dataset.topic !== t.slug) continue;
        const count = chip.querySelector(".count");
        if (count) count.textContent = String((parseInt(count.textContent, 10) || 0) + 1);
        chip.classList.remove("none");
      }
    }
  }

  function announce() {
    if (!notice) return;
    fresh += 1;
    notice.textContent = fresh === 1 ? "1 new article" : fresh + " new articles";
    notice.hidden = false;
  }

  if (notice) {
    notice.addEventListener("click", () => {
      fresh = 0;
      notice.hidden = true;
      list.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  }

  const stream = new EventSource(list.dataset.stream);
  stream.addEventListener("article", (event) => {
    let article;
    try {
      article = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!article || typeof article.id !== "string" || isShown(article.id)) return;
    if (typeof article.storyId === "string" && article.storyId !== article.id) {
      addCopy(article);
      return;
    }
    if (topic && !topicsOf(article).some((t) => t.slug === topic)) return;
    const empty = list.querySelector(".empty");
    if (empty) empty.remove();
    list.insertBefore(card(article), list.firstChild);
    countTopics(article);
    announce();
  });
  // A missing endpoint (404) closes the stream for good; a dropped connection is retried by the
  // browser itself. Either way the rendered list stays as it is.
  stream.addEventListener("error", () => {
    if (stream.readyState === EventSource.CLOSED) list.dataset.live = "off";
  });
})();
