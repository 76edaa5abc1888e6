import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { Actor } from './actor';

/** Every request made on behalf of a user carries the authenticated actor. */
export class ActorRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;
}

/** Cost code `code`: what finance teams type on invoices, so short and plain. */
export const COST_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
