import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Actor, isBrandActor } from '@glimmer/contracts/actor';
import type { Page } from '@glimmer/contracts/page';
import type {
  CreatorDashboardView,
  DuePayout,
  ListMyPayoutsRequest,
  ListPayoutsForOpsRequest,
  OpsPayoutSummary,
  OpsPayoutView,
  PayoutView,
} from '@glimmer/contracts/payout/payout.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { isCreatorActor, requireCreator, requireOps } from '@glimmer/contracts/actor';
import { keysetPage } from '@glimmer/database/page-cursor';
import { ON_ITS_WAY, Payout, toOpsPayoutSummary, toOpsPayoutView, toPayoutView } from './payout';
import { utcDate } from './payout-schedule';
import { PayoutEvents } from './payout-events';
import { PayoutRepository, PayoutScope } from './payout.repository';
import { PayoutTiming, SCHEDULE_RULES } from './schedule-rules';

/** How many paid payouts the dashboard lists beside every one still owed. */
const DASHBOARD_RECENT_PAID = 50;

/** Reading payouts (creators, brands, ops), the dashboard, the sweep's list and ops' retry. */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly payouts: PayoutRepository,
    private readonly events: PayoutEvents,
    @Inject(SCHEDULE_RULES) private readonly timing: PayoutTiming,
  ) {}

  listMine(actor: Actor, req: ListMyPayoutsRequest): Promise<Page<PayoutView>> {
    const creator = requireCreator(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      req,
      (after, limit) =>
        this.payouts.pageForCreator(em, creator.creatorId, req.status, after, limit),
      toPayoutView,
    );
  }

  /** Ops' lists: payouts that need a person (needs_attention, failed) or any status. */
  listForOps(actor: Actor, req: ListPayoutsForOpsRequest): Promise<Page<OpsPayoutSummary>> {
    requireOps(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      req,
      (after, limit) => this.payouts.pageForOps(em, req.status, after, limit),
      toOpsPayoutSummary,
    );
  }

  /** A creator sees their own projects' payouts, a brand member its brand's, ops all. */
  async forProjects(actor: Actor, projectIds: string[]): Promise<PayoutView[]> {
    let scope: PayoutScope;
    if (isCreatorActor(actor)) scope = { kind: 'creator', creatorId: actor.creatorId };
    else if (isBrandActor(actor)) scope = { kind: 'brand', brandId: actor.brandId };
    else {
      requireOps(actor);
      scope = { kind: 'ops' };
    }
    const rows = await this.payouts.forProjects(this.orm.em.fork(), scope, [
      ...new Set(projectIds),
    ]);
    return rows.map(toPayoutView);
  }

  /**
   * The next expected payment (the earliest expected date of the payouts on their way, with
   * the sum due that day), what is still owed and what was paid. Totals are in the currency of
   * the next payment (else of the latest payout): creators are paid in their brands' currencies,
   * and a sum across currencies would mean nothing.
   */
  async dashboard(actor: Actor): Promise<CreatorDashboardView> {
    const creator = requireCreator(actor);
    const em = this.orm.em.fork();
    const rows = await this.payouts.forDashboard(em, creator.creatorId, DASHBOARD_RECENT_PAID);
    const paidTotals = await this.payouts.paidTotals(em, creator.creatorId);
    const onItsWay = rows.filter((p) => ON_ITS_WAY.includes(p.status) && p.expectedDate);
    const first = onItsWay.reduce<Payout | null>(
      (best, p) => (!best || p.expectedDate! < best.expectedDate! ? p : best),
      null,
    );
    const currency = first?.currency ?? rows[0]?.currency ?? [...paidTotals.keys()][0] ?? null;
    const sum = (ps: Payout[]) => ps.reduce((total, p) => total + p.amount, 0);
    return {
      nextPayment: first
        ? {
            date: first.expectedDate!,
            amount: sum(
              onItsWay.filter(
                (p) => p.expectedDate === first.expectedDate && p.currency === first.currency,
              ),
            ),
            currency: first.currency,
          }
        : null,
      pendingTotal: sum(rows.filter((p) => p.status !== 'paid' && p.currency === currency)),
      paidTotal: currency ? (paidTotals.get(currency) ?? 0) : 0,
      currency,
      payouts: rows.map((p) => ({
        projectId: p.projectId,
        payoutId: p.id,
        expectedDate: p.expectedDate,
        status: p.status,
        amount: p.amount,
      })),
    };
  }

  async due(limit: number, graceMs: number): Promise<DuePayout[]> {
    const now = Date.now();
    const rows = await this.payouts.due(this.orm.em.fork(), {
      limit,
      dueBefore: new Date(now - graceMs),
      stuckBefore: new Date(now - this.timing.processingStuckMs),
    });
    return rows.map((r) => ({
      payoutId: r.id,
      attempt: r.attempt,
      dispatchAt: r.dispatchAt.toISOString(),
    }));
  }

  async get(actor: Actor, payoutId: string): Promise<OpsPayoutView> {
    requireOps(actor);
    const em = this.orm.em.fork();
    const payout = await this.payouts.get(em, payoutId);
    if (!payout) throw notFound(`payout ${payoutId}`);
    return toOpsPayoutView(payout, await this.payouts.attemptsOf(em, payoutId));
  }

  /**
   * Ops moves a flagged payout on: one more attempt, due now (attempts are kept, so the
   * provider key is new and the history stays true).
   */
  async retry(actor: Actor, payoutId: string): Promise<PayoutView> {
    requireOps(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const current = await this.payouts.lock(em, payoutId);
      if (!current) throw notFound(`payout ${payoutId}`);
      if (current.status !== 'needs_attention') {
        throw new DomainError(
          'payout_not_retryable',
          `payout ${payoutId} is ${current.status}; only a payout that needs attention can be retried`,
          { meta: { status: current.status } },
        );
      }
      const now = new Date();
      const scheduled = await this.payouts.schedule(
        em,
        payoutId,
        'needs_attention',
        { methodId: null, dispatchAt: now, expectedDate: utcDate(now) },
        now,
      );
      await this.events.scheduled(em, scheduled!, current.lastError);
      return toPayoutView(scheduled!);
    });
  }
}
