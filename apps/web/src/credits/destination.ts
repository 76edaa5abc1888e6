import { costCodeLabel } from './cost-code-label';
import { costCodeNameProblem, costCodeProblem } from '../cost-codes/cost-code-rules';
import { type CostCode } from './credit-queries';

/** The Select value that means "a cost code typed in right here". */
export const NEW_COST_CODE = '__new__';

/** The form fields that name where credit goes: an existing cost code, or a new one. */
export interface DestinationValues {
  destination: string | null;
  newCode: string;
  newName: string;
}

export const emptyDestination = (costCodes: CostCode[] | undefined): DestinationValues => ({
  // With no cost code yet, the only way forward is a new one: start there.
  destination: costCodes?.length ? null : NEW_COST_CODE,
  newCode: '',
  newName: '',
});

export const destinationRules = {
  destination: (v: string | null) => (v ? null : 'Pick a cost code, or add a new one'),
  newCode: (v: string, values: DestinationValues) =>
    values.destination === NEW_COST_CODE ? costCodeProblem(v) : null,
  newName: (v: string, values: DestinationValues) =>
    values.destination === NEW_COST_CODE ? costCodeNameProblem(v) : null,
};

/** The destination as the API takes it: `{ id }` of an existing code or `{ code, name }`. */
export type Destination = { id: string } | { code: string; name: string };

export function readDestination(values: DestinationValues): Destination {
  if (values.destination === NEW_COST_CODE)
    return { code: values.newCode.trim(), name: values.newName.trim() };
  return { id: values.destination ?? '' };
}

/** How the confirmation and the notice name the destination. */
export function destinationLabel(destination: Destination, costCodes: CostCode[]): string {
  if ('code' in destination) return costCodeLabel(destination);
  const found = costCodes.find((c) => c.id === destination.id);
  return found ? costCodeLabel(found) : 'the cost code';
}
