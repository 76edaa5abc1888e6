import { cancelledNotice, depositNotice } from './credit-notices';
import type { CostCode, CreditInvoice } from './credit-queries';

const made = {
  amount: 250_000,
  costCode: 'MKT-2027 — Marketing 2027',
  costCodeId: 'c1',
  creditInvoiceId: 'i1',
};
const costCode = (pending: number) => ({ id: 'c1', pending }) as CostCode;
const paidInvoice = { id: 'i1' } as CreditInvoice;

describe('what the Credits page says after an action', () => {
  it('follows a deposit from pending to paid to available', () => {
    const pending = depositNotice(
      made,
      { paidInvoices: [], costCode: costCode(250_000), financeContact: 'finance@brand.test' },
      'USD',
    );
    expect(pending.title).toBe('$2,500.00 of credit is pending');
    expect(pending.message).toContain('Pending until your funds clear');
    expect(pending.message).toContain('emailed to finance@brand.test');

    const paid = depositNotice(
      made,
      { paidInvoices: [paidInvoice], costCode: costCode(250_000), financeContact: 'x' },
      'USD',
    );
    expect(paid.title).toBe('Credit invoice paid');

    const available = depositNotice(
      made,
      { paidInvoices: [paidInvoice], costCode: costCode(0), financeContact: 'x' },
      'USD',
    );
    expect(available.title).toBe('$2,500.00 of credit is available');
  });

  it('warns that a cancelled credit invoice is VOID and finance was told', () => {
    const notice = cancelledNotice(
      { amount: 30_000, costCode: 'EVT-2027' },
      'your finance contact',
      'USD',
    );
    expect(notice.warning).toBe(true);
    expect(notice.title).toContain('VOID');
    expect(notice.message).toContain('$300.00 of pending credit was removed from EVT-2027');
    expect(notice.message).toContain('emailed your finance contact');
  });
});
