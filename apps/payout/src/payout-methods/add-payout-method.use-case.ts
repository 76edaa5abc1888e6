import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { CreatorActor, requireCreator } from '@glimmer/contracts/actor';
import type {
  AddPayoutMethodRequest,
  PayoutMethodView,
} from '@glimmer/contracts/payout/payout-method.messages';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import { DomainError } from '@glimmer/errors/domain-error';
import { ReleaseWaitingPayouts } from '../payouts/release-waiting-payouts.use-case';
import {
  checkDetails,
  maskSecret,
  methodFor,
  methodsFor,
  MethodSpec,
} from './payout-method-catalogue';
import { PayoutMethodNotices } from './payout-method-notices';
import type { PayoutMethod } from './payout-method.entity';
import {
  creatorMethodsLock,
  PayoutMethodRepository,
  toMethodView,
} from './payout-method.repository';
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

type CheckedDetails = { plain: Record<string, string>; secret: Record<string, string> };

/**
 * Adds a payout method: validates the details for the method and country, seals the secret
 * ones, stores the method — preferred when it is the creator's first — and schedules every
 * payout that waited for a method, all in one transaction. Keyed by Idempotency-Key through the
 * one recipe (runIdempotentCommand): the same key answers the first result.
 */
@Injectable()
export class AddPayoutMethod {
  private readonly logger = new Logger(AddPayoutMethod.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly methods: PayoutMethodRepository,
    private readonly secrets: SecretBox,
    private readonly releaseWaiting: ReleaseWaitingPayouts,
    private readonly notices: PayoutMethodNotices,
  ) {}

  execute(req: AddPayoutMethodRequest): Promise<PayoutMethodView> {
    const creator = requireCreator(req.actor);
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
    const key = req.idempotencyKey;
    return runIdempotentCommand(this.orm, {
      // The creator's methods lock: it also serialises the add with payouts created meanwhile.
      lockName: creatorMethodsLock(creator.creatorId),
      uniqueConstraint: 'payout_method_creator_idempotency_key',
      hash,
      find: async (em) => {
        if (!key) return undefined;
        const first = await this.methods.byIdempotencyKey(em, creator.creatorId, key);
        if (!first) return undefined;
        // The recipe compares hashes; the stored one is judged here (key rotation, cleared
        // hashes), so it gets this call's hash exactly when the request is the same.
        const stored = this.isSameRequest(first, same) ? hash : (first.requestHash ?? 'cleared');
        return { requestHash: stored, result: async () => toMethodView(first) };
      },
      create: (em) =>
        this.create(em, creator, { spec, country: req.country, checked, key: key ?? null, hash }),
    });
  }

  private async create(
    em: EntityManager,
    creator: CreatorActor,
    add: {
      spec: MethodSpec;
      country: string;
      checked: CheckedDetails;
      key: string | null;
      hash: string;
    },
  ): Promise<PayoutMethodView> {
    const { spec, checked } = add;
    const id = randomUUID();
    const secretNames = Object.keys(checked.secret);
    const added = await this.methods.insert(em, {
      id,
      creatorId: creator.creatorId,
      type: spec.type,
      country: add.country,
      details: checked.plain,
      masked: Object.fromEntries(secretNames.map((n) => [n, maskSecret(checked.secret[n])])),
      sealed: secretNames.length ? this.secrets.seal(JSON.stringify(checked.secret), id) : null,
      preferred: !(await this.methods.hasAny(em, creator.creatorId)),
      idempotencyKey: add.key,
      requestHash: add.hash,
    });
    const released = await this.releaseWaiting.execute(em, {
      creatorId: creator.creatorId,
      methodId: id,
    });
    if (released) this.logger.log(`${released} payout(s) of ${creator.creatorId} scheduled`);
    await this.notices.changed(em, creator, added, 'added');
    return toMethodView(added);
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
}
