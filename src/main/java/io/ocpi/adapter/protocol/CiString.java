package io.ocpi.adapter.protocol;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The CiString type of types.asciidoc: printable ASCII only (U+0020 to U+007E). Every other text of OCPI is a string,
 * printable too, which the reading of request bodies checks for all of them ({@link OcpiJson#strict}); a CiString
 * field says so with this annotation, beside its {@code @Size}.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = CiString.Validator.class)
public @interface CiString {

    String message() default "must be printable ASCII";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CiString, String> {
        public static boolean isPrintableAscii(String value) {
            return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPrintableAscii(value);
        }
    }
}
