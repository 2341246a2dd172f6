package org.linli.forum.web.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.RequestBufferingHandler;
import io.undertow.server.handlers.RequestLimit;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.web.i18n.Languages;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Graceful overload, with Undertow's own {@link RequestLimit}: at most so many requests are
 * served at once, a bounded number more wait their turn, and any beyond that are answered at once
 * with 503, {@code Retry-After} and a short page in the reader's language, instead of every
 * reader waiting seconds. Writes (form posts: replies, new topics, moderation) have a limit and a
 * queue of their own, so a crowd of readers never sheds a member's reply. Installed ahead of the
 * servlet (registered in META-INF/services), where it runs before a request takes a worker thread.
 * A request body is read in full before the request counts, with Undertow's
 * {@link RequestBufferingHandler}: slow senders (a slow-body attack) wait on the I/O threads
 * without holding a worker, and the listener's read timeout (configure-server.cli) ends them.
 *
 * Settings: {@code linli.requests.reading} (default 16) and {@code linli.requests.writing}
 * (default 8) requests at once, {@code linli.requests.queue} (default 32) waiting for each: on 2
 * cores a wait of about half a second at most (a longer queue only made every answer slower).
 */
public class RequestLimits implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class.getName());
    /** Seconds a shed client is asked to wait: by then the queue has long been served. */
    static final String RETRY_AFTER = "2";
    /** Buffers of the server's pool (16 KB each) a request body may fill before it is served: 1 MB, the {@link RequestSizeFilter} limit. */
    private static final int BODY_BUFFERS = 64;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        int reading = setting("linli.requests.reading", 16);
        int writing = setting("linli.requests.writing", 8);
        int queue = setting("linli.requests.queue", 32);
        RequestLimit reads = limit(reading, queue, deployment.getContextPath());
        RequestLimit writes = limit(writing, queue, deployment.getContextPath());
        LOG.info(() -> "Serving at most " + reading + " reads and " + writing + " writes at once, " + queue
                + " more of each waiting; beyond that 503");
        deployment.addInitialHandlerChainWrapper(next -> {
            HttpHandler limited = exchange -> (isWrite(exchange) ? writes : reads).handleRequest(exchange, next);
            // The body is read first, without a thread: a client that sends it slowly (or never
            // finishes) holds a connection and a buffer, never one of the few workers. Not a body
            // declared over the limit: RequestSizeFilter refuses it unread (and Undertow cannot
            // drain a body that outgrew its buffers and was never read).
            HttpHandler buffering = new RequestBufferingHandler(limited, BODY_BUFFERS);
            return exchange -> (exchange.getRequestContentLength() > RequestSizeFilter.MAX_BYTES ? limited : buffering)
                    .handleRequest(exchange);
        });
    }

    private static boolean isWrite(HttpServerExchange exchange) {
        return !Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod());
    }

    private static RequestLimit limit(int concurrent, int queue, String contextPath) {
        RequestLimit limit = new RequestLimit(concurrent, queue);
        limit.setFailureHandler(busy(contextPath));
        return limit;
    }

    /**
     * The 503 answer: the short "busy" page in the reader's language; the connection stays
     * usable. The pages are made once: under overload this answer is the most frequent of all.
     */
    private static HttpHandler busy(String contextPath) {
        Map<Locale, ByteBuffer> pages = new HashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            pages.put(language, ByteBuffer.wrap(ShortPages.html(language, "errorpage.busy", contextPath).getBytes(StandardCharsets.UTF_8)));
        }
        return exchange -> {
            Cookie chosen = exchange.getRequestCookie(Languages.COOKIE);
            Locale language = Languages.of(chosen == null ? null : chosen.getValue(),
                    exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE));
            exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
            exchange.getResponseSender().send(pages.get(language).duplicate());
        };
    }

    private static int setting(String name, int fallback) {
        return ForumSettings.get(name).map(Integer::parseInt).filter(n -> n > 0).orElse(fallback);
    }
}
