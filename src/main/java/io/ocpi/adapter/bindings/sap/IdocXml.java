package io.ocpi.adapter.bindings.sap;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;

/**
 * IDoc-XML, as SAP's XML file port writes it: the IDoc type as root element, one {@code IDOC BEGIN="1"} per IDoc,
 * the control record as {@code EDI_DC40 SEGMENT="1"}, then each segment as an element named by its type with
 * {@code SEGMENT="1"}, nested as the segments are, each field an element of its own.
 */
public final class IdocXml {

    private IdocXml() {
    }

    public static String write(List<Idoc> idocs, IdocType type) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(type.name());
            for (Idoc idoc : idocs) {
                xml.writeStartElement("IDOC");
                xml.writeAttribute("BEGIN", "1");
                xml.writeStartElement("EDI_DC40");
                xml.writeAttribute("SEGMENT", "1");
                for (String field : IdocFlatFile.CONTROL_FIELDS.keySet()) {
                    element(xml, field, idoc.control().getOrDefault(field, ""));
                }
                xml.writeEndElement();
                writeChildren(xml, type, idoc.segments(), 0);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IdocFormatException("cannot write IDoc-XML: " + e.getMessage());
        }
        return text.toString();
    }

    private static void writeChildren(XMLStreamWriter xml, IdocType type, List<Idoc.Segment> segments, int parent) throws XMLStreamException {
        for (Idoc.Segment segment : segments) {
            if (segment.parent() != parent) {
                continue;
            }
            IdocType.Segment layout = type.segments().get(segment.name());
            if (layout == null) {
                throw new IdocFormatException("segment " + segment.name() + " is not part of " + type.name());
            }
            xml.writeStartElement(segment.name());
            xml.writeAttribute("SEGMENT", "1");
            for (IdocType.Field field : layout.fields()) {
                element(xml, field.name(), segment.fields().getOrDefault(field.name(), ""));
            }
            writeChildren(xml, type, segments, segment.number());
            xml.writeEndElement();
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    public static List<Idoc> parse(String text, IdocType type) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // IDoc files come from outside: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Idoc> idocs = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
            xml.nextTag();
            if (!xml.getLocalName().equals(type.name())) {
                throw error(xml, "root element <" + xml.getLocalName() + "> is not the IDoc type " + type.name());
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("IDOC")) {
                    throw error(xml, "expected <IDOC>, found <" + xml.getLocalName() + ">");
                }
                idocs.add(readIdoc(xml, type));
            }
        } catch (XMLStreamException e) {
            throw new IdocFormatException("IDoc-XML line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber())
                    + ": not well-formed: " + e.getMessage());
        }
        return idocs;
    }

    private static Idoc readIdoc(XMLStreamReader xml, IdocType type) throws XMLStreamException {
        Map<String, String> control = null;
        List<Idoc.Segment> segments = new ArrayList<>();
        int[] next = {1};
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("EDI_DC40")) {
                control = readFields(xml, new ArrayList<>(IdocFlatFile.CONTROL_FIELDS.keySet()), "EDI_DC40");
                continue;
            }
            readSegment(xml, type, segments, null, 0, 1, next);
        }
        if (control == null) {
            throw error(xml, "IDoc without EDI_DC40 control record");
        }
        return new Idoc(control, List.copyOf(segments));
    }

    private static void readSegment(XMLStreamReader xml, IdocType type, List<Idoc.Segment> segments, String parentType, int parent,
                                    int level, int[] next) throws XMLStreamException {
        String name = xml.getLocalName();
        IdocType.Segment layout = type.segments().get(name);
        if (layout == null) {
            throw error(xml, "unknown segment <" + name + "> for IDoc type " + type.name());
        }
        if (layout.parent() == null ? parentType != null : !layout.parent().equals(parentType)) {
            throw error(xml, "segment <" + name + "> must be " + (layout.parent() == null ? "at top level" : "inside <" + layout.parent() + ">"));
        }
        int number = next[0]++;
        Map<String, String> fields = new LinkedHashMap<>();
        layout.fields().forEach(f -> fields.put(f.name(), ""));
        int index = segments.size();
        segments.add(null);
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String child = xml.getLocalName();
            if (fields.containsKey(child)) {
                fields.put(child, xml.getElementText().stripTrailing());
            } else if (type.segments().containsKey(child)) {
                readSegment(xml, type, segments, name, number, level + 1, next);
            } else {
                throw error(xml, "segment <" + name + "> has no field or child segment <" + child + ">");
            }
        }
        segments.set(index, new Idoc.Segment(name, number, parent, level, fields));
    }

    private static Map<String, String> readFields(XMLStreamReader xml, List<String> names, String record) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        names.forEach(n -> fields.put(n, ""));
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (!fields.containsKey(name)) {
                throw error(xml, record + " has no field <" + name + ">");
            }
            fields.put(name, xml.getElementText().stripTrailing());
        }
        return fields;
    }

    private static IdocFormatException error(XMLStreamReader xml, String message) {
        return new IdocFormatException("IDoc-XML line " + xml.getLocation().getLineNumber() + ", column "
                + xml.getLocation().getColumnNumber() + ": " + message);
    }
}
