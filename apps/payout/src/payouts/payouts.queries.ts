import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  Actor,
  isBrandActor,
  isCreatorActor,
  requireCreator,
  requireOps,
} from '@glimmer/contracts/actor';
import type { Page } from '@glimmer/contracts/page';
import type {
  CreatorDashboardView,
  DuePayout,
  DuePayoutsRequest,
  GetPayoutRequest,
  ListMyPayoutsRequest,
  ListPayoutsForOpsRequest,
  OpsPayoutSummary,
  OpsPayoutView,
  PayoutsForProjectsRequest,
  PayoutView,
} from '@glimmer/contracts/payout/payout.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { keysetPage } from '@glimmer/database/page-cursor';
import { ON_ITS_WAY, toOpsPayoutSummary, toOpsPayoutView, toPayoutView } from './payout-views';
import type { Payout } from './payout.entity';
import { PayoutRepository, PayoutScope } from './payout.repository';
import { PayoutTiming, SCHEDULE_RULES } from './schedule-rules';

/** How many paid payouts the dashboard lists beside every one still owed. */
const DASHBOARD_RECENT_PAID = 50;

/**
 * The payout aggregate's read-only queries (one class for the reads, as the house style allows;
 * every change is its own use case): creators' and brands' lists, the dashboard, the sweep's
 * list, ops' lists and look.
 */
@Injectable()
export class PayoutQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly payouts: PayoutRepository,
    @Inject(SCHEDULE_RULES) private readonly timing: PayoutTiming,
  ) {}

  listMine(req: ListMyPayoutsRequest): Promise<Page<PayoutView>> {
    const creator = requireCreator(req.actor);
    const em = this.orm.em.fork();
    return keysetPage(
      req,
      (after, limit) =>
        this.payouts.pageForCreator(em, creator.creatorId, req.status, after, limit),
      toPayoutView,
    );
  }

  /** Ops' lists: payouts that need a person (needs_attention, failed) or any status. */
  listForOps(req: ListPayoutsForOpsRequest): Promise<Page<OpsPayoutSummary>> {
    requireOps(req.actor);
    const em = this.orm.em.fork();
    return keysetPage(
      req,
      (after, limit) => this.payouts.pageForOps(em, req.status, after, limit),
      toOpsPayoutSummary,
    );
  }

  /** A creator sees their own projects' payouts, a brand member its brand's, ops all. */
  async forProjects(req: PayoutsForProjectsRequest): Promise<PayoutView[]> {
    const scope = scopeOf(req.actor);
    const payouts = await this.payouts.forProjects(this.orm.em.fork(), scope, [
      ...new Set(req.projectIds),
    ]);
    return payouts.map(toPayoutView);
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

  /** The sweep's list: attempts due (after the grace) and attempts whose worker vanished. */
  async due(req: DuePayoutsRequest): Promise<DuePayout[]> {
    const now = Date.now();
    const due = await this.payouts.due(this.orm.em.fork(), {
      limit: req.limit,
      dueBefore: new Date(now - req.graceMs),
      stuckBefore: new Date(now - this.timing.processingStuckMs),
    });
    return due.map((d) => ({
      payoutId: d.id,
      attempt: d.attempt,
      dispatchAt: d.dispatchAt.toISOString(),
    }));
  }

  /** Ops' look at one payout, with its attempts. */
  async get(req: GetPayoutRequest): Promise<OpsPayoutView> {
    requireOps(req.actor);
    const em = this.orm.em.fork();
    const payout = await this.payouts.get(em, req.payoutId);
    if (!payout) throw notFound(`payout ${req.payoutId}`);
    return toOpsPayoutView(payout, await this.payouts.attemptsOf(em, req.payoutId));
  }
}

function scopeOf(actor: Actor): PayoutScope {
  if (isCreatorActor(actor)) return { kind: 'creator', creatorId: actor.creatorId };
  if (isBrandActor(actor)) return { kind: 'brand', brandId: actor.brandId };
  requireOps(actor);
  return { kind: 'ops' };
}
