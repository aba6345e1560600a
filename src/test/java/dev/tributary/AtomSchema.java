package dev.tributary;

import static org.junit.jupiter.api.Assertions.fail;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks an Atom document against the RFC 4287 RELAX NG schema (src/test/resources/schema/atom.rnc)
 * and against the two RFC 4287 rules the schema leaves to prose: every entry has an author (its own
 * or the feed's), and every entry has content or an alternate link.
 */
public final class AtomSchema {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SCHEMA = "/schema/atom.rnc";

  private AtomSchema() {}

  public static void assertValid(String xml) {
    List<String> problems = violations(xml);
    if (!problems.isEmpty()) {
      fail("Atom document is not valid:\n  " + String.join("\n  ", problems) + "\n" + xml);
    }
  }

  /** Everything wrong with the document; empty when it is valid Atom. */
  public static List<String> violations(String xml) {
    List<String> problems = new ArrayList<>(schemaViolations(xml));
    if (problems.isEmpty()) {
      problems.addAll(ruleViolations(parse(xml)));
    }
    return problems;
  }

  private static List<String> schemaViolations(String xml) {
    List<String> problems = new ArrayList<>();
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collectingInto(problems));
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    try {
      URL schema = AtomSchema.class.getResource(SCHEMA);
      if (schema == null || !driver.loadSchema(new InputSource(schema.toExternalForm()))) {
        throw new IllegalStateException("cannot load " + SCHEMA + ": " + problems);
      }
      if (!driver.validate(new InputSource(new StringReader(xml))) && problems.isEmpty()) {
        problems.add("schema validation failed without a message");
      }
    } catch (SAXException | IOException e) {
      problems.add("not well-formed: " + e.getMessage());
    }
    return problems;
  }

  private static List<String> ruleViolations(Document document) {
    List<String> problems = new ArrayList<>();
    Element root = document.getDocumentElement();
    boolean feedHasAuthor = !children(root, "author").isEmpty();
    List<Element> entries =
        "entry".equals(root.getLocalName()) ? List.of(root) : children(root, "entry");
    for (Element entry : entries) {
      String id = text(children(entry, "id"));
      if (!feedHasAuthor && children(entry, "author").isEmpty()) {
        problems.add("entry " + id + " has no author and the feed has none (RFC 4287 §4.1.1)");
      }
      if (children(entry, "content").isEmpty() && !hasAlternateLink(entry)) {
        problems.add(
            "entry " + id + " has neither content nor an alternate link (RFC 4287 §4.1.2)");
      }
    }
    return problems;
  }

  private static boolean hasAlternateLink(Element entry) {
    return children(entry, "link").stream()
        .anyMatch(
            link -> !link.hasAttribute("rel") || "alternate".equals(link.getAttribute("rel")));
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element
          && ATOM.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(List<Element> elements) {
    return elements.isEmpty() ? "(no id)" : elements.get(0).getTextContent();
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed XML", e);
    }
  }

  private static ErrorHandler collectingInto(List<String> problems) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        problems.add(describe(e));
      }

      @Override
      public void fatalError(SAXParseException e) {
        problems.add(describe(e));
      }
    };
  }

  private static String describe(SAXParseException e) {
    return "line " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
  }
}
