package dev.tributary.sources.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * The only way this package turns text into an XML tree: no DOCTYPE, no external entities or DTDs,
 * no entity expansion, the JDK's secure-processing limits on.
 */
final class SecureXml {

  private SecureXml() {}

  static Document parse(Reader reader) throws FeedParseException {
    try {
      return builder().build(reader);
    } catch (JDOMException e) {
      if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
        throw XmlCleaner.hostile();
      }
      throw new FeedParseException(
          FeedParseException.Reason.MALFORMED,
          "The document is not well-formed XML: " + firstLine(e.getMessage()),
          e);
    } catch (IOException e) {
      throw new FeedParseException(
          FeedParseException.Reason.MALFORMED, "The document could not be read: " + e, e);
    } catch (IllegalArgumentException e) {
      // JDOM checks names and text as it builds the tree (IllegalNameException,
      // IllegalDataException) and throws unchecked: an element called ":x" passed the SAX
      // parser's namespace handling and escaped as a crash (found by FeedParserFuzzTest).
      throw new FeedParseException(
          FeedParseException.Reason.MALFORMED,
          "The document is not legal XML: " + firstLine(e.getMessage()),
          e);
    }
  }

  private static SAXBuilder builder() {
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    builder.setExpandEntities(false);
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    return builder;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
