package org.linli.forum.web.common;

import org.linli.forum.common.NotFoundException;

/**
 * Reads ids and page numbers from a URL. Anything that is not a positive number names no page
 * that exists, so it is not found (404), never an error.
 */
public final class PageParameters {

    private PageParameters() {
    }

    public static long id(String what, String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through to not found
        }
        throw new NotFoundException(what, raw);
    }

    /** A page number; absent means the first page. */
    public static int page(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page > 0) {
                return page;
            }
        } catch (NumberFormatException e) {
            // fall through to not found
        }
        throw new NotFoundException("page", raw);
    }
}
