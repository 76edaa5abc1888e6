import { registerDecorator, ValidationOptions } from 'class-validator';
import { amountProblem, CURRENCY_CODES, isCurrency } from './money';

/** A positive integer number of minor units within MAX_AMOUNT; strings and fractions fail. */
export function IsMinorAmount(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isMinorAmount',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => amountProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${amountProblem(args?.value) ?? 'is invalid'}`,
      },
    });
}

export function IsSupportedCurrency(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSupportedCurrency',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isCurrency(value),
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 4217 code Glimmer supports (${CURRENCY_CODES.join(', ')})`,
      },
    });
}
