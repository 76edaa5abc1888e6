import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import type {
  AddPayoutMethodRequest,
  AvailablePayoutMethod,
  PayoutMethodView,
} from '@glimmer/contracts/payout/payout-method.messages';
import { isUniqueViolation } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { CreatorActor, requireCreator } from '@glimmer/contracts/actor';
import { ReleaseWaitingPayouts } from '../payouts/release-waiting-payouts';
import {
  checkDetails,
  maskSecret,
  methodFor,
  methodsFor,
  toAvailable,
} from './payout-method-catalogue';
import { PayoutMethodNotices } from './payout-method-notices';
import { PayoutMethod, PayoutMethodRepository, toMethodView } from './payout-method.repository';
import { SecretBox } from './secret-box';

/** What makes two adds "the same request" for one idempotency key (hashed with a key). */
function requestPayload(type: string, country: string, details: Record<string, string>): string {
  const sorted = Object.keys(details)
    .sort()
    .map((k) => [k, details[k]]);
  return JSON.stringify([type, country, sorted]);
}

/** A retry's request as the keyed hash covers it, and its validated details. */
interface SameRequest {
  payload: string;
  normalised: string;
}

/** A creator's payout methods: which exist where, adding one, choosing the preferred one. */
@Injectable()
export class PayoutMethodsService {
  private readonly logger = new Logger(PayoutMethodsService.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly methods: PayoutMethodRepository,
    private readonly secrets: SecretBox,
    private readonly releaseWaiting: ReleaseWaitingPayouts,
    private readonly notices: PayoutMethodNotices,
  ) {}

  available(country: string): AvailablePayoutMethod[] {
    return methodsFor(country).map(toAvailable);
  }

  /**
   * Validates the details for the method and country, seals the secret ones, and stores the
   * method — preferred when it is the creator's first — and schedules every payout that waited
   * for a method, all in one transaction. The same idempotency key answers the first result.
   */
  async add(actor: Actor, req: AddPayoutMethodRequest): Promise<PayoutMethodView> {
    const creator = requireCreator(actor);
    const spec = methodFor(req.country, req.type);
    if (!spec) {
      const message = `${req.type} is not offered in ${req.country}; offered: ${methodsFor(
        req.country,
      )
        .map((m) => m.type)
        .join(', ')}`;
      throw new DomainError('validation_failed', message, {
        errors: [{ field: 'type', messages: [message] }],
      });
    }
    const checked = checkDetails(spec, req.details);
    if (!checked.ok) {
      throw new DomainError(
        'validation_failed',
        checked.errors.map((e) => `${e.field} ${e.messages.join('; ')}`).join('; '),
        { errors: checked.errors },
      );
    }
    const payload = requestPayload(req.type, req.country, req.details);
    const hash = this.secrets.keyedHash(payload);
    const same: SameRequest = {
      payload,
      normalised: requestPayload(spec.type, req.country, { ...checked.plain, ...checked.secret }),
    };
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        await this.methods.lockCreator(em, creator.creatorId);
        const replayed = await this.replay(em, creator, req.idempotencyKey, same);
        if (replayed) return replayed;
        const id = randomUUID();
        const secretNames = Object.keys(checked.secret);
        const preferred = !(await this.methods.hasAny(em, creator.creatorId));
        await this.methods.insert(em, {
          id,
          creatorId: creator.creatorId,
          type: spec.type,
          country: req.country,
          details: checked.plain,
          masked: Object.fromEntries(secretNames.map((n) => [n, maskSecret(checked.secret[n])])),
          sealed: secretNames.length ? this.secrets.seal(JSON.stringify(checked.secret), id) : null,
          preferred,
          idempotencyKey: req.idempotencyKey ?? null,
          requestHash: hash,
        });
        const released = await this.releaseWaiting.execute(em, creator.creatorId, id);
        if (released) this.logger.log(`${released} payout(s) of ${creator.creatorId} scheduled`);
        const added = (await this.methods.get(em, creator.creatorId, id))!;
        await this.notices.changed(em, creator, added, 'added');
        return toMethodView(added);
      });
    } catch (err) {
      // Backstop for the advisory lock: a twin with this key committed first.
      if (!req.idempotencyKey || !isUniqueViolation(err, 'payout_method_creator_idempotency_key'))
        throw err;
      const replayed = await this.replay(this.orm.em.fork(), creator, req.idempotencyKey, same);
      if (!replayed) throw err;
      return replayed;
    }
  }

  private async replay(
    em: EntityManager,
    creator: CreatorActor,
    key: string | undefined,
    same: SameRequest,
  ): Promise<PayoutMethodView | null> {
    if (!key) return null;
    const first = await this.methods.byIdempotencyKey(em, creator.creatorId, key);
    if (!first) return null;
    if (!this.isSameRequest(first, same)) {
      throw new DomainError(
        'idempotency_key_reused',
        'this Idempotency-Key was already used with a different payout method',
      );
    }
    return toMethodView(first);
  }

  /**
   * A keyed hash is compared under every configured sealing key (rotation). A method whose
   * hash was cleared (migration 20270301000000: the old unkeyed hashes were removed) is
   * compared by its stored details — plain ones and the sealed ones opened — against the
   * validated (normalised) details of the retry, so replays of those adds still work.
   */
  private isSameRequest(first: PayoutMethod, same: SameRequest): boolean {
    if (first.requestHash)
      return this.secrets.keyedHashes(same.payload).includes(first.requestHash);
    const secret = first.sealed
      ? (JSON.parse(this.secrets.open(first.sealed, first.id)) as Record<string, string>)
      : {};
    return (
      requestPayload(first.type, first.country, { ...first.details, ...secret }) === same.normalised
    );
  }

  async list(actor: Actor): Promise<PayoutMethodView[]> {
    const creator = requireCreator(actor);
    return (await this.methods.list(this.orm.em.fork(), creator.creatorId)).map(toMethodView);
  }

  /** Exactly one preferred method per creator: the switch (and its notice) is one transaction. */
  async setPreferred(actor: Actor, methodId: string): Promise<PayoutMethodView> {
    const creator = requireCreator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      await this.methods.lockCreator(em, creator.creatorId);
      const method = await this.methods.get(em, creator.creatorId, methodId);
      if (!method) throw notFound(`payout method ${methodId}`);
      // Already preferred: nothing changes, so nothing to tell.
      if (method.preferred) return toMethodView(method);
      await this.methods.setPreferred(em, creator.creatorId, methodId);
      const preferred = { ...method, preferred: true };
      await this.notices.changed(em, creator, preferred, 'made_preferred');
      return toMethodView(preferred);
    });
  }
}
