import { randomUUID } from 'node:crypto';
import type { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from '@glimmer/contracts/invoicing/credit-invoice.events';
import { invoiceFromDeposit, noticesFor } from './credit-invoice';

const pending: DepositSnapshot = {
  depositId: randomUUID(),
  brandId: randomUUID(),
  creditInvoiceId: randomUUID(),
  costCode: { id: randomUUID(), code: 'OPS', name: 'Operations' },
  amount: 100,
  currency: 'EUR',
  status: 'pending',
  version: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  fundsConfirmedAt: null,
  clearedAt: null,
  voidedAt: null,
};

describe('invoiceFromDeposit', () => {
  it('maps pending to unpaid, funds confirmed and cleared to paid, voided to void', () => {
    expect(invoiceFromDeposit(pending)).toMatchObject({
      status: 'unpaid',
      paidAt: null,
      voidedAt: null,
    });
    const confirmed = { ...pending, version: 2, fundsConfirmedAt: '2026-03-02T10:00:00.000Z' };
    expect(invoiceFromDeposit(confirmed)).toMatchObject({
      status: 'paid',
      paidAt: new Date('2026-03-02T10:00:00.000Z'),
    });
    const cleared = {
      ...confirmed,
      version: 3,
      status: 'cleared' as const,
      clearedAt: '2026-03-03T10:00:00.000Z',
    };
    expect(invoiceFromDeposit(cleared)).toMatchObject({
      status: 'paid',
      paidAt: new Date('2026-03-02T10:00:00.000Z'),
    });
    const voided = {
      ...pending,
      version: 2,
      status: 'voided' as const,
      voidedAt: '2026-03-01T11:00:00.000Z',
    };
    expect(invoiceFromDeposit(voided)).toMatchObject({
      status: 'void',
      paidAt: null,
      voidedAt: new Date('2026-03-01T11:00:00.000Z'),
    });
  });

  it('takes its id from the credit invoice id and its issue time from the deposit', () => {
    const invoice = invoiceFromDeposit(pending);
    expect(invoice.id).toBe(pending.creditInvoiceId);
    expect(invoice.issuedAt).toEqual(new Date(pending.createdAt));
    expect(invoice.costCode).toBe('OPS');
  });
});

describe('noticesFor', () => {
  const unpaid = invoiceFromDeposit(pending);
  const paid = { ...unpaid, status: 'paid' as const };
  const voided = { ...unpaid, status: 'void' as const };

  it('announces a new invoice as issued, and as paid or void when it already is', () => {
    expect(noticesFor(null, unpaid)).toEqual([CreditInvoiceIssuedEvent]);
    expect(noticesFor(null, paid)).toEqual([CreditInvoiceIssuedEvent, CreditInvoicePaidEvent]);
    expect(noticesFor(null, voided)).toEqual([CreditInvoiceIssuedEvent, CreditInvoiceVoidedEvent]);
  });

  it('announces a status only on the change into it', () => {
    expect(noticesFor(unpaid, paid)).toEqual([CreditInvoicePaidEvent]);
    expect(noticesFor(paid, paid)).toEqual([]);
    expect(noticesFor(unpaid, voided)).toEqual([CreditInvoiceVoidedEvent]);
    expect(noticesFor(voided, voided)).toEqual([]);
    expect(noticesFor(unpaid, unpaid)).toEqual([]);
  });
});
