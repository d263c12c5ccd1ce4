package io.ocpi.adapter.support;

import io.ocpi.adapter.ocpi.VersionNumber;
import io.ocpi.adapter.protocol.OcpiExchange;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets the version an OCPI request speaks ({@link OcpiExchange#VERSION}) from the test header {@value #HEADER}, as the
 * path of a version's URL layout does: so that bodies and answers of another version are tested over HTTP on the
 * 2.2.1 paths.
 */
@Configuration
public class VersionFromHeader {

    public static final String HEADER = "X-Test-OCPI-Version";

    @Bean
    CamelContextConfiguration versionFromTestHeader() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getCamelContextExtension().addInterceptStrategy((context, definition, target, next) -> new DelegateAsyncProcessor(target) {
                    @Override
                    public boolean process(org.apache.camel.Exchange exchange, org.apache.camel.AsyncCallback callback) {
                        String version = exchange.getIn().getHeader(HEADER, String.class);
                        if (version != null && exchange.getProperty(OcpiExchange.VERSION) == null) {
                            exchange.setProperty(OcpiExchange.VERSION, VersionNumber.of(version).orElseThrow());
                        }
                        return super.process(exchange, callback);
                    }
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
