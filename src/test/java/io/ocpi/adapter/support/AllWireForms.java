package io.ocpi.adapter.support;

import io.ocpi.adapter.protocol.WireForm;
import io.ocpi.adapter.protocol.WireForms;
import java.util.List;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Every {@link WireForm} the modules declare, found as Spring finds them, without starting the application. */
public final class AllWireForms {

    public static final WireForms FORMS = new WireForms(find());

    private AllWireForms() {
    }

    private static List<WireForm> find() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(WireForm.class));
        return scanner.findCandidateComponents("io.ocpi.adapter.modules").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> (WireForm) BeanUtils.instantiateClass(ClassUtils.resolveClassName(name, AllWireForms.class.getClassLoader())))
                .toList();
    }
}
