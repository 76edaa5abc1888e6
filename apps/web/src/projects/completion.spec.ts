import { completionOf, nextStepOf } from './completion';
import { payoutStatusText } from './payout-status';
import type { Payout, Project } from './project-queries';

const project: Project = {
  id: 'p1',
  offerId: 'o1',
  title: 'Spring campaign photos',
  creatorId: 'c1',
  brandId: 'b1',
  fee: 150_000,
  currency: 'USD',
  costCodeId: 'cc1',
  storyCode: 'SPRING-27',
  status: 'active',
  createdAt: '2026-11-20T10:00:00.000Z',
  completedByBrandAt: null,
  completedByCreatorAt: null,
  completedAt: null,
  invoiceId: null,
  expectedPaymentDate: null,
};
const brandDone = { ...project, completedByBrandAt: '2026-12-01T09:00:00.000Z' };

describe('project completion, worded for whoever looks', () => {
  it('tells the brand it is waiting for the creator once it has marked its side', () => {
    expect(completionOf(brandDone, 'brand')).toEqual({
      mineDone: true,
      theirsDone: false,
      mine: 'You marked it complete on Dec 1, 2026',
      theirs: 'Waiting for the creator',
    });
    expect(nextStepOf(brandDone, 'brand')).toBe('Waiting for the creator');
  });

  it('tells the creator the brand marked it, by name when known', () => {
    expect(completionOf(brandDone, 'creator', 'Acme Studios')).toMatchObject({
      mineDone: false,
      mine: 'You have not marked it complete yet',
      theirs: 'Acme Studios marked it complete on Dec 1, 2026',
    });
    expect(completionOf(brandDone, 'creator').theirs).toMatch(/^The brand marked it/);
    expect(nextStepOf(brandDone, 'creator')).toBe('Waiting for you to mark it complete');
  });
});

describe('payout status for the creator', () => {
  const payout = (status: Payout['status'], expectedDate: string | null): Payout => ({
    id: 'po1',
    projectId: 'p1',
    invoiceId: 'i1',
    creatorId: 'c1',
    amount: 150_000,
    currency: 'USD',
    status,
    expectedDate,
    dueBy: '2026-12-15',
    attempts: 0,
    lastError: null,
    payoutMethodId: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    paidAt: null,
  });

  it('says where an unpaid project stands before any payout exists', () => {
    expect(payoutStatusText(project, null).label).toBe('Not due yet');
    expect(payoutStatusText({ ...project, status: 'completed' }, null).label).toBe(
      'Awaiting invoice payment',
    );
  });

  it('shows the expected date as the calendar day it is, whatever the time zone', () => {
    expect(payoutStatusText(project, payout('scheduled', '2026-12-15')).detail).toBe(
      'You will be paid by Dec 15, 2026.',
    );
    expect(payoutStatusText(project, payout('needs_method', null)).label).toBe(
      'Needs a payout method',
    );
  });
});
