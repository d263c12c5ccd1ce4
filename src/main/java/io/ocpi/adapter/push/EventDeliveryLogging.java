package io.ocpi.adapter.push;

import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.processor.errorhandler.DefaultErrorHandler;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's default error handler, silent while the outbox hands an event to a route: the outbox reports that failure
 * itself, in one line per attempt, and keeps the event as a dead letter at the end. Camel would log it once more
 * each time, at ERROR with the route's message history and a stack trace. Routes do their work on the thread that
 * sends them the event (direct endpoints); routes fed otherwise (pollers, consumers) log their failures as before.
 */
@Configuration
public class EventDeliveryLogging {

    private static final ThreadLocal<Boolean> DELIVERING = ThreadLocal.withInitial(() -> false);

    /** Runs {@code send}, the hand-over of an event to its route, with the route's failure left to the outbox. */
    static <T> T delivering(Supplier<T> send) {
        DELIVERING.set(true);
        try {
            return send.get();
        } finally {
            DELIVERING.set(false);
        }
    }

    @Bean
    public CamelContextConfiguration quietWhileDeliveringEvents() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getCamelContextExtension().setErrorHandlerFactory(new DefaultErrorHandlerDefinition().logger(new ErrorLogger()));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /** The default error handler's own logger and level, with nothing written while an event is delivered. */
    private static final class ErrorLogger extends CamelLogger {
        ErrorLogger() {
            super(LoggerFactory.getLogger(DefaultErrorHandler.class), LoggingLevel.ERROR);
        }

        @Override
        public boolean shouldLog() {
            return !DELIVERING.get() && super.shouldLog();
        }

        @Override
        public void log(String message, LoggingLevel level) {
            if (!DELIVERING.get()) {
                super.log(message, level);
            }
        }

        @Override
        public void log(String message) {
            if (!DELIVERING.get()) {
                super.log(message);
            }
        }

        @Override
        public void log(String message, Throwable exception, LoggingLevel level) {
            if (!DELIVERING.get()) {
                super.log(message, exception, level);
            }
        }

        @Override
        public void log(String message, Throwable exception) {
            if (!DELIVERING.get()) {
                super.log(message, exception);
            }
        }
    }
}
