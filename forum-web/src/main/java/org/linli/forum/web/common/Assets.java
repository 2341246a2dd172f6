package org.linli.forum.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses of the site's static files (#{assets}). They are served by the container's file
 * handler from /static, with a year-long cache (WEB-INF/undertow-handlers.conf); each address
 * carries a hash of the file's content, so a changed file is a new address and no browser keeps
 * an old copy.
 */
@Named
@ApplicationScoped
public class Assets {

    static final String STYLESHEET = "/static/forum.css";
    static final String SCRIPT = "/static/forum.js";

    private final Map<String, String> addresses = new ConcurrentHashMap<>();

    public String getStylesheet() {
        return address(STYLESHEET);
    }

    /** The one script: an addition (quoting into the quick reply); every page works without it. */
    public String getScript() {
        return address(SCRIPT);
    }

    private String address(String path) {
        return addresses.computeIfAbsent(path, file -> {
            ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
            return context.getRequestContextPath() + file + "?v=" + hashOf(context, file);
        });
    }

    private static String hashOf(ExternalContext context, String path) {
        try (InputStream file = context.getResourceAsStream(path)) {
            if (file == null) {
                throw new IllegalStateException("missing static file " + path);
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(file.readAllBytes());
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
