import type { CostCode } from './credit-queries';

/** "MKT-2027 — Marketing 2027", as people name a cost code in sentences. */
export function costCodeLabel(costCode: Pick<CostCode, 'code' | 'name'>): string {
  return costCode.name ? `${costCode.code} — ${costCode.name}` : costCode.code;
}
