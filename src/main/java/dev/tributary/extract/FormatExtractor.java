package dev.tributary.extract;

/** Extraction for one body format. */
interface FormatExtractor {

  /**
   * @param body the decoded body, LF line endings
   * @param titleHint a title given by the input that wins over the document's own, or null
   */
  ExtractedArticle extract(String body, String titleHint) throws ExtractionException;
}
