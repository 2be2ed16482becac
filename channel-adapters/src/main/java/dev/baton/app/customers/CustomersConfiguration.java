package dev.baton.app.customers;

import dev.baton.audit.AuditTrail;
import dev.baton.customers.CustomerLinks;
import dev.baton.customers.Customers;
import dev.baton.engine.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One customer across channels: the links between their visitors live in the store ({@link CustomerLinks}, see the
 * configuration of stores); channels add verified ones, agents link and unlink in the console.
 */
@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

    @Bean
    Customers customers(CustomerLinks links, Stores stores, AuditTrail audit) {
        return new Customers(links, stores.conversations(), audit);
    }
}
