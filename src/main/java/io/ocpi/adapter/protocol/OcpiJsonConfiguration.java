package io.ocpi.adapter.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OcpiJsonConfiguration {

    /** One JSON mapping for OCPI, the admin API and the stores alike. */
    @Bean
    public ObjectMapper objectMapper() {
        return OcpiJson.newMapper();
    }
}
