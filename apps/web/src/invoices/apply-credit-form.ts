import { formatMoneyText, parseMoney } from '@glimmer/money/money-text';

export type PaymentChoice = 'full' | 'partial';

export interface ApplyCreditValues {
  costCodeId: string;
  payment: PaymentChoice;
  /** Decimal text as typed ("500.00"); only read for a partial payment. */
  amount: string;
}

/** A cost code the pop-up can draw from, attached to the project or not yet. */
export interface CreditChoice {
  costCodeId: string;
  code: string;
  available: number;
  attached: boolean;
}

export type ApplyCreditCheck =
  | { ok: true; costCodeId: string; amount: number | undefined; attach: boolean }
  | { ok: false; errors: Partial<Record<keyof ApplyCreditValues, string>> };

/**
 * Checks the pop-up before anything is sent: a cost code is chosen, the amount parses exactly,
 * and it is neither more than the amount due nor more than the code's available credit. The
 * server checks again (credit can move meanwhile); this only spares a round trip and says why
 * next to the field. A full payment sends no amount: the server pays what is due then.
 */
export function checkApplyCredit(
  values: ApplyCreditValues,
  context: { amountDue: number; currency: string; choices: CreditChoice[] },
): ApplyCreditCheck {
  const { amountDue, currency } = context;
  const choice = context.choices.find((c) => c.costCodeId === values.costCodeId);
  if (!choice) return { ok: false, errors: { costCodeId: 'Choose the cost code to draw from' } };
  const available = formatMoneyText(choice.available, currency);

  if (values.payment === 'full') {
    if (choice.available < amountDue)
      return {
        ok: false,
        errors: {
          costCodeId: `${choice.code} has only ${available} available, less than the ${formatMoneyText(amountDue, currency)} due. Pay a partial amount or choose another cost code.`,
        },
      };
    return { ok: true, costCodeId: choice.costCodeId, amount: undefined, attach: !choice.attached };
  }

  const parsed = parseMoney(values.amount, currency);
  if (!parsed.ok) return { ok: false, errors: { amount: parsed.reason } };
  if (parsed.minor > amountDue)
    return {
      ok: false,
      errors: {
        amount: `That is more than the amount due (${formatMoneyText(amountDue, currency)}).`,
      },
    };
  if (parsed.minor > choice.available)
    return {
      ok: false,
      errors: { amount: `${choice.code} has only ${available} available.` },
    };
  return {
    ok: true,
    costCodeId: choice.costCodeId,
    amount: parsed.minor,
    attach: !choice.attached,
  };
}

/**
 * The codes the pop-up offers: those attached to the project first (with their credit now),
 * then the brand's other codes that have available credit, which are attached on submit.
 */
export function creditChoices(
  sources: { costCodeId: string; code: string; available: number }[],
  brandCostCodes: { id: string; code: string; available: number }[],
): CreditChoice[] {
  const attached = sources.map((s) => ({ ...s, attached: true }));
  const attachedIds = new Set(sources.map((s) => s.costCodeId));
  const others = brandCostCodes
    .filter((c) => !attachedIds.has(c.id) && c.available > 0)
    .map((c) => ({ costCodeId: c.id, code: c.code, available: c.available, attached: false }));
  return [...attached, ...others];
}
