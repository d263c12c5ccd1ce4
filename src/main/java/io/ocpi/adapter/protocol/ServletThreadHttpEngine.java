package io.ocpi.adapter.protocol;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camel's platform-http on the Spring Boot web server, with each OCPI request served on the servlet thread that
 * received it, start to end: an OCPI route runs to its end anyway (it waits for its database and backends), so the
 * request needs no hand-off to another thread nor an asynchronous dispatch, and only one thread ever writes its
 * response. How many requests run at once is bounded by the web server's threads ({@code server.tomcat.threads.max}).
 */
@Component(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME)   // the name Camel looks the engine up by
public class ServletThreadHttpEngine extends SpringBootPlatformHttpEngine {

    public ServletThreadHttpEngine(@Value("${server.port:8080}") int port) {
        super(port);
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new Consumer(endpoint, processor);
    }

    static final class Consumer extends SpringBootPlatformHttpConsumer {

        private static final Logger log = LoggerFactory.getLogger(ServletThreadHttpEngine.class);

        Consumer(PlatformHttpEndpoint endpoint, Processor processor) {
            // No executor is used; given, so that Camel's consumer does not make one of its own per route.
            super(endpoint, processor, Runnable::run);
        }

        /**
         * Spring MVC's handler method. No future: Spring MVC takes a {@code null} one as a request already answered,
         * and dispatches nothing more.
         */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
            try {
                handleService(request, response);
            } catch (Exception e) {
                // As Camel's engine does: what the route's error handler could not answer is a bare 500.
                log.warn("Error handling request due to: {}", e.getMessage(), e);
                if (!response.isCommitted()) {
                    try {
                        response.sendError(500);
                    } catch (Exception ignored) {
                        // the connection is gone; nothing left to tell the caller
                    }
                }
            }
            return null;
        }
    }
}
