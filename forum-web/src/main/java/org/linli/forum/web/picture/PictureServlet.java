package org.linli.forum.web.picture;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.content.PictureSizes;
import org.linli.forum.picture.PictureService;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Serves the forum's pictures, {@code /pictures/<sha-256>[-t].jpg|png}, from the data directory,
 * to readers who may see them (see {@link PictureService#find}); to anyone else, and for any
 * other name, 404. A picture never changes under its name (it is its content's hash), so a
 * picture anyone may see is cached for a year by browsers and shared caches; one only some may
 * see (in a hidden post, or not yet posted) is cached by the browser only and asked again each
 * time, answered 304 while its ETag holds. It is always sent as the type it was encoded as,
 * with {@code nosniff} (set for every response) and as an inline file of a safe name.
 */
@WebServlet("/pictures/*")
public class PictureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PictureService pictureService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher name = PictureSizes.ADDRESS.matcher(request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (!name.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String hash = name.group(1);
        boolean thumbnail = name.group(2) != null;
        String extension = name.group(3);
        Optional<PictureService.Served> served = pictureService.find(hash, thumbnail, extension);
        if (served.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + hash + (thumbnail ? "-t" : "") + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", served.get().forEveryone()
                ? "public, max-age=31536000, immutable" : "private, no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(served.get().mediaType());
        response.setHeader("Content-Disposition", "inline; filename=\"" + hash.substring(0, 16) + "." + extension + "\"");
        response.setContentLengthLong(Files.size(served.get().file()));
        if (!"HEAD".equals(request.getMethod())) {
            Files.copy(served.get().file(), response.getOutputStream());
        }
    }
}
