package io.cachalot.templates.freemarker;

import java.io.IOException;
import java.io.Writer;

/** Passes everything on to the page's writer and keeps a copy of it: the rendered fragment. */
final class CopyingWriter extends Writer {

    private final Writer out;
    private final StringBuilder copy = new StringBuilder(256);

    CopyingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        out.write(chars, offset, length);
        copy.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(text, offset, length);
        copy.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c);
        copy.append((char) c);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Does not close the page's writer. */
    @Override
    public void close() {
    }

    String copy() {
        return copy.toString();
    }
}
