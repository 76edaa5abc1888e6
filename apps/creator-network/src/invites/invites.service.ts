import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import type { Actor } from '@glimmer/contracts/actor';
import type {
  AcceptedInvite,
  AcceptInviteRequest,
  InviteLink,
  InviteLinkRequest,
  InvitePreview,
  InviteView,
  NewInvite,
} from '@glimmer/contracts/network/invite.messages';
import { CreatorJoinedEvent, InviteSentEvent } from '@glimmer/contracts/network/network.events';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { requestHash } from '@glimmer/database/idempotent-command';
import { toIso } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BrandRepository } from '../brands/brand.repository';
import { requireBrand } from '@glimmer/contracts/actor';
import { idempotentCreate } from '../common/idempotency-records';
import { keysetPage } from '@glimmer/database/page-cursor';
import type { NetworkConfig } from '../creator-network.config';
import { CreatorRepository } from '../creators/creator.repository';
import {
  acceptUrl,
  deriveInviteToken,
  effectiveInviteStatus,
  hashInviteToken,
  inviteExpiry,
  isWellFormedToken,
  issueInviteToken,
} from './invite-token';
import { InviteRepository, InviteRow, toInviteView } from './invite.repository';
import { InviteSendQuota } from './invite-send-quota';

const invalidToken = () =>
  new DomainError('invite_token_invalid', 'this invite link is not valid; ask for a new invite');

/** Invite a creator by email, resend, revoke, and accept (join the brand's network). */
@Injectable()
export class InvitesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly invites: InviteRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    private readonly outbox: OutboxService,
    private readonly sendQuota: InviteSendQuota,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  /**
   * With an Idempotency-Key, a retry with the same body returns the first invite: its email
   * already carries the token, so no new token is issued and no second email is sent.
   */
  async create(actor: Actor, input: NewInvite, idempotencyKey?: string): Promise<InviteView> {
    const brand = requireBrand(actor);
    return idempotentCreate(this.orm, {
      scope: 'invite',
      brand,
      key: idempotencyKey,
      hash: requestHash({ email: input.email.trim(), message: input.message?.trim() || null }),
      load: async (em, id) => toInviteView(await this.invites.byId(em, id)),
      create: async (em) => {
        const id = randomUUID();
        const { nonce, hash } = issueInviteToken(this.config.INVITE_TOKEN_SECRET, id);
        const expiresAt = inviteExpiry(new Date(), this.config.INVITE_TTL_HOURS);
        await this.invites.insert(em, {
          id,
          brandId: brand.brandId,
          email: input.email.trim(),
          message: input.message?.trim() || null,
          tokenHash: hash,
          expiresAt,
          invitedBy: brand.userId,
          inviterEmail: brand.email ?? null,
        });
        await this.sendQuota.record(em, brand.brandId, id);
        const row = await this.invites.byId(em, id);
        await this.askForEmail(em, row, nonce);
        return toInviteView(row);
      },
    });
  }

  /** A new token and expiry; the old link stops working. Accepted or revoked invites are final. */
  async resend(actor: Actor, inviteId: string): Promise<InviteView> {
    const brand = requireBrand(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.invites.lockForBrand(em, brand.brandId, inviteId);
      if (!row) throw notFound('invite');
      if (row.status !== 'sent') {
        throw new DomainError('invite_not_pending', `the invite is ${row.status}`, {
          meta: { status: row.status },
        });
      }
      await this.sendQuota.record(em, brand.brandId, row.id);
      const { nonce, hash } = issueInviteToken(this.config.INVITE_TOKEN_SECRET, row.id);
      await this.invites.reissue(
        em,
        row.id,
        hash,
        inviteExpiry(new Date(), this.config.INVITE_TTL_HOURS),
      );
      const updated = await this.invites.byId(em, row.id);
      await this.askForEmail(em, updated, nonce);
      return toInviteView(updated);
    });
  }

  async revoke(actor: Actor, inviteId: string): Promise<InviteView> {
    const brand = requireBrand(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.invites.lockForBrand(em, brand.brandId, inviteId);
      if (!row) throw notFound('invite');
      if (row.status === 'revoked') return toInviteView(row);
      if (row.status === 'accepted') {
        throw new DomainError('invite_not_pending', 'the invite has already been accepted', {
          meta: { status: row.status },
        });
      }
      await this.invites.revoke(em, row.id);
      return toInviteView(await this.invites.byId(em, row.id));
    });
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<InviteView>> {
    const brand = requireBrand(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.invites.page(em, brand.brandId, after, limit),
      (row) => toInviteView(row),
    );
  }

  async preview(token: string): Promise<InvitePreview> {
    const em = this.orm.em.fork();
    const row = isWellFormedToken(token)
      ? await this.invites.byTokenHash(em, hashInviteToken(token))
      : null;
    if (!row) throw invalidToken();
    const acceptedBy = row.accepted_creator_id
      ? await this.creators.byId(em, row.accepted_creator_id)
      : null;
    return {
      inviteId: row.id,
      email: row.email,
      brandName: await this.brands.nameOf(em, row.brand_id),
      status: effectiveInviteStatus(row.status, new Date(row.expires_at), new Date()),
      expiresAt: toIso(row.expires_at)!,
      acceptedByInvitee: acceptedBy?.email.toLowerCase() === row.email.trim().toLowerCase(),
    };
  }

  /**
   * The invite email's link, derived again from the event's nonce at send time. Only the latest
   * issue of a still-acceptable invite has one: an email that lost the race with a resend (or
   * with acceptance, revocation or expiry) would carry a dead link, so it is not sent.
   */
  async link(req: InviteLinkRequest): Promise<InviteLink> {
    const row = await this.invites.find(this.orm.em.fork(), req.inviteId);
    if (!row) throw notFound('invite');
    const token = deriveInviteToken(this.config.INVITE_TOKEN_SECRET, row.id, req.nonce);
    const status = effectiveInviteStatus(row.status, new Date(row.expires_at), new Date());
    const current = hashInviteToken(token) === row.token_hash;
    if (!current || status !== 'sent') {
      const why = current ? status : 'superseded';
      throw new DomainError('invite_not_pending', `this invite email is stale: ${why}`, {
        meta: { status: why },
      });
    }
    return { token, acceptUrl: acceptUrl(this.config.INVITE_ACCEPT_URL, token) };
  }

  /**
   * Marks the invite accepted, finds or creates the creator and joins the brand's network, in
   * one transaction. Safe to retry: an invite already accepted by the same creator answers the
   * same result (the gateway may have crashed before creating the account), and nothing is
   * published twice. Without `creatorId` the creator is the one with the invite's email.
   */
  async accept(req: AcceptInviteRequest): Promise<AcceptedInvite> {
    if (!isWellFormedToken(req.token)) throw invalidToken();
    return this.orm.em.fork().transactional(async (em) => {
      const invite = await this.invites.lockByTokenHash(em, hashInviteToken(req.token));
      if (!invite) throw invalidToken();
      const existing = req.creatorId
        ? await this.creators.byId(em, req.creatorId)
        : await this.creators.byEmail(em, invite.email);
      if (req.creatorId && !existing) throw notFound('creator');
      if (invite.status === 'accepted') {
        if (existing && invite.accepted_creator_id === existing.id) {
          return this.result(invite, existing, true);
        }
        throw new DomainError('invite_already_accepted', 'this invite has already been used');
      }
      if (invite.status === 'revoked') {
        throw new DomainError('invite_revoked', 'the brand revoked this invite');
      }
      if (effectiveInviteStatus(invite.status, new Date(invite.expires_at), new Date()) !== 'sent')
        throw new DomainError('invite_expired', 'this invite has expired; ask for a new one');
      const creator =
        existing ??
        (await this.creators.findOrCreate(
          em,
          invite.email,
          req.name ?? invite.email.split('@')[0],
        ));
      await this.invites.markAccepted(em, invite.id, creator.id);
      const joined = await this.creators.join(em, invite.brand_id, creator.id, invite.id);
      if (joined) {
        await this.outbox.add(em, CreatorJoinedEvent, {
          brandId: invite.brand_id,
          brandName: await this.brands.nameOf(em, invite.brand_id),
          creatorId: creator.id,
          creatorName: creator.name,
          creatorEmail: creator.email,
          inviteId: invite.id,
          notifyEmail:
            invite.inviter_email ??
            (await this.brands.find(em, invite.brand_id))?.adminEmail ??
            null,
          joinedAt: new Date().toISOString(),
        });
      }
      return this.result(invite, creator, false);
    });
  }

  private result(
    invite: InviteRow,
    creator: { id: string; email: string; name: string },
    replayed: boolean,
  ): AcceptedInvite {
    return {
      inviteId: invite.id,
      replayed,
      creatorId: creator.id,
      brandId: invite.brand_id,
      email: creator.email,
      name: creator.name,
    };
  }

  /** The event that makes the scheduler email the invite: the nonce, never the token. */
  private async askForEmail(em: EntityManager, row: InviteRow, nonce: string): Promise<void> {
    await this.outbox.add(em, InviteSentEvent, {
      inviteId: row.id,
      nonce,
      brandName: await this.brands.nameOf(em, row.brand_id),
      email: row.email,
      expiresAt: toIso(row.expires_at)!,
      message: row.message,
    });
  }
}
