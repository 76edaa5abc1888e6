import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import {
  AcceptedInvite,
  AcceptInviteRpc,
  PreviewInviteRpc,
} from '@glimmer/contracts/network/invite.messages';
import { isUniqueViolation } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { UserAccountRepository } from '../accounts/user-account.repository';
import { hashPassword, verifyPassword } from '../auth/password';
import { AcceptedInviteDto, AcceptInviteDto, InvitePreviewDto } from './dto/invite.dto';

const required = (field: string) =>
  new DomainError('validation_failed', `${field} is required to accept without signing in`, {
    errors: [{ field, messages: [`${field} is required to accept without signing in`] }],
  });

/**
 * Accepting an invite spans two owners: creator-network (invite, creator, membership) and the
 * gateway (the creator's login). Step one is an RPC that is idempotent per token and creator;
 * step two creates the account, treating "that email already belongs to this creator" as done.
 * A crash between the two is repaired by retrying with the same token. A used invite answers
 * 409 invite_already_accepted to anyone but the same person finishing (see accept).
 */
@Injectable()
export class InviteAcceptanceService {
  constructor(
    private readonly orm: MikroORM,
    private readonly rpc: RpcClient,
    private readonly users: UserAccountRepository,
  ) {}

  /**
   * The accept page's facts: only the brand's name, the invited email and the invite's state.
   * An acceptance left unfinished (creator-network accepted, the gateway stopped before making
   * the login) still reads `sent`: the page's form is how the invitee finishes it.
   */
  async preview(token: string): Promise<InvitePreviewDto> {
    const invite = await this.rpc.call(PreviewInviteRpc, { token });
    const { brandName, email, status, expiresAt } = invite;
    const unfinished =
      status === 'accepted' && invite.acceptedByInvitee && !(await this.users.findByEmail(email));
    return { brandName, email, status: unfinished ? 'sent' : status, expiresAt };
  }

  async accept(body: AcceptInviteDto, actor: Actor | undefined): Promise<AcceptedInviteDto> {
    if (actor) {
      if (actor.role !== 'creator' || !actor.creatorId) {
        throw new DomainError(
          'forbidden',
          'sign in as a creator to link this invite, or accept it without signing in',
        );
      }
      const linked = await this.rpc.call(AcceptInviteRpc, {
        token: body.token,
        creatorId: actor.creatorId,
      });
      return { creatorId: linked.creatorId, brandId: linked.brandId };
    }
    if (!body.name) throw required('name');
    if (!body.password) throw required('password');
    // Refuse before accepting when the invited email is a brand or ops login.
    const preview = await this.rpc.call(PreviewInviteRpc, { token: body.token });
    const existing = await this.users.findByEmail(preview.email);
    if (existing && existing.role !== 'creator') throw this.emailTaken(preview.email);

    const accepted = await this.rpc.call(AcceptInviteRpc, { token: body.token, name: body.name });
    const made = existing ? false : await this.createLogin(accepted, body.password);
    // The account exists now (this call or an earlier one made it): it must be this creator's.
    const account = await this.users.findByEmail(accepted.email);
    if (account?.creatorId !== accepted.creatorId) throw this.emailTaken(accepted.email);
    // A login this call did not make, for an invite used before this call (or a login a
    // concurrent call made first): only the same person finishing their own acceptance (a lost
    // answer, a double submit) gets 201 again, proven by the password they chose. Anyone else
    // would believe they had just made an account; nothing changed, and they are told so.
    const mustProve = existing ? accepted.replayed : !made;
    if (mustProve && !(await verifyPassword(body.password, account.passwordHash)))
      throw new DomainError('invite_already_accepted', 'this invite has already been used; log in');
    return { creatorId: accepted.creatorId, brandId: accepted.brandId };
  }

  /** The creator's login; false when one with that email was made meanwhile (a concurrent try). */
  private async createLogin(accepted: AcceptedInvite, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    try {
      await this.orm.em.fork().transactional((em) =>
        this.users.insert(em, {
          id: randomUUID(),
          email: accepted.email,
          passwordHash,
          role: 'creator',
          creatorId: accepted.creatorId,
          name: accepted.name,
        }),
      );
      return true;
    } catch (err) {
      if (!isUniqueViolation(err, 'user_account_email_key')) throw err;
      return false;
    }
  }

  private emailTaken(email: string): DomainError {
    return new DomainError(
      'email_taken',
      `An account already uses ${email}; sign in as that creator and accept with the token`,
    );
  }
}
