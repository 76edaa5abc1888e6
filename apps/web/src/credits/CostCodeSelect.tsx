import { Select, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { costCodeLabel } from './cost-code-label';
import { CostCodeBalance } from './CostCodeBalance';
import { NEW_COST_CODE } from './destination';
import { type CostCode } from './credit-queries';

/**
 * A cost code picked from the brand's codes, each shown with its available and pending
 * credit; with `newCode`/`newName` given, "New cost code…" lets the person create one on the
 * fly (the help center: "you can always add one from this screen").
 */
export function CostCodeSelect({
  label,
  costCodes,
  select,
  newCode,
  newName,
  isDisabled,
  description,
}: {
  label: string;
  costCodes: CostCode[];
  select: GetInputPropsReturnType;
  newCode?: GetInputPropsReturnType;
  newName?: GetInputPropsReturnType;
  /** Codes that cannot be picked here (the other side of a transfer, nothing to send). */
  isDisabled?: (costCode: CostCode) => boolean;
  description?: string;
}) {
  const byId = new Map(costCodes.map((c) => [c.id, c]));
  const allowNew = Boolean(newCode && newName);
  const data = [
    ...costCodes.map((c) => ({
      value: c.id,
      label: costCodeLabel(c),
      disabled: isDisabled?.(c) ?? false,
    })),
    ...(allowNew ? [{ value: NEW_COST_CODE, label: 'New cost code…' }] : []),
  ];
  const chosen = typeof select.value === 'string' ? byId.get(select.value) : undefined;

  return (
    <Stack gap="xs">
      <Select
        label={label}
        placeholder="Pick a cost code"
        data={data}
        allowDeselect={false}
        searchable
        nothingFoundMessage="No cost code matches"
        required
        description={chosen ? <CostCodeBalance costCode={chosen} /> : (description ?? undefined)}
        renderOption={({ option }) => {
          const costCode = byId.get(option.value);
          return (
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              {costCode && <CostCodeBalance costCode={costCode} />}
            </Stack>
          );
        }}
        comboboxProps={{ withinPortal: true }}
        {...select}
      />
      {allowNew && select.value === NEW_COST_CODE && (
        <>
          <TextInput
            label="New cost code"
            placeholder="MKT-2027"
            description="Letters, digits and . _ - /"
            autoComplete="off"
            required
            {...newCode}
          />
          <TextInput
            label="Cost code name"
            placeholder="Marketing 2027"
            autoComplete="off"
            required
            {...newName}
          />
        </>
      )}
    </Stack>
  );
}
