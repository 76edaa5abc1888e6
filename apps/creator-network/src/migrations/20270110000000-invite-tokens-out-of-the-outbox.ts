import { Migration } from '@mikro-orm/migrations';

/**
 * `network.invite.sent.v1` carried the invite token and its link, so the outbox kept readable
 * tokens. v2 carries only the invite id and a nonce (see invite-token.ts): strip the token and
 * link from every v1 row. A v1 row not yet published (the relay was stopped at the upgrade)
 * would reach no consumer any more, so it is closed too: that invite's email needs a resend.
 */
export class Migration20270110000000InviteTokensOutOfTheOutbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update outbox_message
      set payload = payload - 'token' - 'acceptUrl',
          published_at = coalesce(published_at, now())
      where pattern = 'network.invite.sent.v1'`);
  }
}
