package io.ocpi.adapter.protocol;

import java.util.AbstractList;
import java.util.List;

/**
 * A list answer whose items are JSON objects already written in the version of the request, as UTF-8 bytes (a page of
 * a Sender list held in memory): the response's {@code data}, written as it is, item after item, without being parsed
 * or passed through a JSON generator.
 */
public final class EncodedList extends AbstractList<byte[]> {

    private static final byte[] OPEN = "{\"data\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final List<byte[]> items;

    public EncodedList(List<byte[]> items) {
        this.items = items;
    }

    @Override
    public byte[] get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /**
     * The whole response body: the items as the envelope's {@code data}, ahead of the rest of the envelope, given as
     * the JSON object written without its data ({@code {"status_code":1000,...}}).
     */
    byte[] enveloped(byte[] envelopeWithoutData) {
        int length = OPEN.length + 2 + envelopeWithoutData.length - 1 + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            length += item.length;
        }
        byte[] body = new byte[length];
        System.arraycopy(OPEN, 0, body, 0, OPEN.length);
        int at = OPEN.length;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] item = items.get(i);
            System.arraycopy(item, 0, body, at, item.length);
            at += item.length;
        }
        body[at++] = ']';
        body[at++] = ',';
        System.arraycopy(envelopeWithoutData, 1, body, at, envelopeWithoutData.length - 1);
        return body;
    }
}
