package io.ocpi.adapter.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocpi.adapter.protocol.OcpiJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AdapterConfiguration {

    /** One JSON mapping for OCPI, the admin API and the stores alike. */
    @Bean
    public ObjectMapper objectMapper() {
        return OcpiJson.newMapper();
    }
}
