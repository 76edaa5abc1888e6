import { randomUUID } from 'node:crypto';
import { applyRequestHash } from './invoice-payment';
import { amountDue, isPayable, payableNow, recordPaid, toSummary } from './project-invoice';
import { ProjectInvoice } from './project-invoice.entity';

const invoice = (over: Partial<ProjectInvoice> = {}): ProjectInvoice =>
  Object.assign(new ProjectInvoice(), {
    id: randomUUID(),
    projectId: randomUUID(),
    brandId: randomUUID(),
    creatorId: randomUUID(),
    title: 'Video',
    costCodeId: randomUUID(),
    storyCode: 'S',
    amount: 1_000,
    amountPaid: 0,
    amountReserved: 0,
    currency: 'USD',
    status: 'unpaid',
    issuedAt: new Date('2026-12-20T10:00:00.000Z'),
    paidAt: null,
    voidedAt: null,
    positionAt: '2026-12-20T10:00:00.000000Z',
    ...over,
  });

describe('project invoice rules', () => {
  it('owes the amount less what is paid; a new payment may take that less what is reserved', () => {
    const i = invoice({ amountPaid: 300, amountReserved: 450, status: 'partially_paid' });
    expect(amountDue(i)).toBe(700);
    expect(payableNow(i)).toBe(250);
    expect(toSummary(i)).toMatchObject({ amountDue: 700, status: 'partially_paid' });
  });

  it('records a payment from the reservation: partially paid, then paid when nothing is due', () => {
    const i = invoice({ amountReserved: 1_000 });
    const at = new Date('2026-12-21T10:00:00.000Z');
    recordPaid(i, 400, at);
    expect(i).toMatchObject({ amountPaid: 400, amountReserved: 600, status: 'partially_paid' });
    expect(i.paidAt).toBeNull();
    recordPaid(i, 600, at);
    expect(i).toMatchObject({ amountPaid: 1_000, amountReserved: 0, status: 'paid', paidAt: at });
    expect(toSummary(i)).toMatchObject({ amountDue: 0, paidAt: '2026-12-21T10:00:00.000Z' });
  });

  it('takes payments only while unpaid or partially paid', () => {
    expect(isPayable(invoice())).toBe(true);
    expect(isPayable(invoice({ status: 'partially_paid' }))).toBe(true);
    expect(isPayable(invoice({ status: 'paid' }))).toBe(false);
    expect(isPayable(invoice({ status: 'void' }))).toBe(false);
  });

  it('binds an apply-credit key to the cost code and the amount as asked', () => {
    const code = randomUUID();
    const base = applyRequestHash({ costCodeId: code, amount: 100 });
    expect(applyRequestHash({ costCodeId: code, amount: 100 })).toBe(base);
    expect(applyRequestHash({ costCodeId: code, amount: 101 })).not.toBe(base);
    expect(applyRequestHash({ costCodeId: randomUUID(), amount: 100 })).not.toBe(base);
    expect(applyRequestHash({ costCodeId: code })).not.toBe(base);
    expect(applyRequestHash({ costCodeId: code, amount: undefined })).toBe(
      applyRequestHash({ costCodeId: code }),
    );
  });
});
