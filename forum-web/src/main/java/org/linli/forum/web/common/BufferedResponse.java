package org.linli.forum.web.common;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Holds a page until it is complete; errors and redirects go straight through. */
final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    private ServletOutputStream stream;
    private PrintWriter writer;
    private int status = SC_OK;
    private boolean bypassed;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    /** The status set so far. */
    int status() {
        return status;
    }

    /** The response went straight out: an error or a redirect. */
    boolean bypassed() {
        return bypassed;
    }

    byte[] bytes() {
        return buffer.toByteArray();
    }

    void finishWriting() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        bypassed = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        bypassed = true;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        bypassed = true;
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() {
        // Held until the page is complete.
    }

    @Override
    public void setContentLength(int len) {
        // Set from the buffer once it is complete.
    }

    @Override
    public void setContentLengthLong(long len) {
        // Set from the buffer once it is complete.
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("blocking output only");
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }
}
