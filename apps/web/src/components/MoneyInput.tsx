import { TextInput, type TextInputProps } from '@mantine/core';
import { minorUnitExponent } from '@glimmer/money/money-text';

/**
 * Decimal text in the brand's currency ("2,500.00"); the form parses it with parseMoney, never
 * through a float. `inputMode="decimal"` brings up the number keypad on phones.
 */
export function MoneyInput({ currency, ...props }: TextInputProps & { currency: string }) {
  const example = minorUnitExponent(currency) === 0 ? '2,500' : '2,500.00';
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder={example}
      leftSection={<span aria-hidden="true">{currency}</span>}
      leftSectionWidth={48}
      {...props}
    />
  );
}
