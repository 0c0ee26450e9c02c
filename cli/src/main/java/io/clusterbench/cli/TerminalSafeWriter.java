package io.clusterbench.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the CLI prints passes through here, because much of it is server-controlled text (status lines,
 * model ids, Redis errors, a remote command's output): a control character other than newline and tab is printed
 * as a visible escape such as {@code \x1b}, so a hostile server cannot move the cursor, retitle the window or hide
 * a line with ESC, OSC, carriage return or NUL.
 */
final class TerminalSafeWriter extends FilterWriter {

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** Whether {@code c} is printed as it is: not a C0 or C1 control, DEL, or else a newline or tab. */
    static boolean printable(int c) {
        return c == '\n' || c == '\t' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f));
    }

    /** {@code text} as this writer prints it. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(printable(c) ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(printable(c) ? String.valueOf((char) c) : safe(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        out.write(safe(new String(chars, offset, length)));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(safe(text.substring(offset, offset + length)));
    }
}
