import { ValidationPipe } from '@nestjs/common';
import { validationError } from './to-domain-error';

/**
 * The one validation setup, for HTTP bodies and message payloads alike: unknown fields are
 * rejected (never silently stripped), nothing is coerced implicitly (a string amount fails),
 * and failures become a `validation_failed` DomainError naming each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationError(errors),
  });
}
