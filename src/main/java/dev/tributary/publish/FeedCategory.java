package dev.tributary.publish;

/**
 * An Atom category (RFC 4287 §4.2.2).
 *
 * @param scheme the vocabulary's IRI, or null
 * @param label a human-readable label, or null
 */
public record FeedCategory(String scheme, String term, String label) {}
