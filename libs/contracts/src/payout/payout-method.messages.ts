import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID, Matches, MaxLength, IsString } from 'class-validator';
import { rpcContract } from '../contract';
import { ActorRequest, IDEMPOTENCY_KEY_PATTERN } from '../validation';

export const PAYOUT_METHOD_TYPES = ['payoneer', 'local_bank_transfer', 'paypal'] as const;
export type PayoutMethodType = (typeof PAYOUT_METHOD_TYPES)[number];

/** ISO 3166-1 alpha-2, upper case. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** One field a payout method needs; `secret` fields are encrypted at rest and masked in views. */
export interface PayoutMethodField {
  name: string;
  label: string;
  secret: boolean;
  /** What a valid value looks like, for forms; the service validates more strictly. */
  example: string;
  /** Whether the method needs it (optional fields also say so in their label). */
  required: boolean;
  /** A shape a form can check before sending; absent when only the service can tell. */
  pattern?: FieldPattern;
}

/**
 * `regex`: a regular expression (case-insensitive) the value must match once spaces and hyphens
 * are removed, as the service normalises it; `message`: what to say when it does not.
 */
export interface FieldPattern {
  regex: string;
  message: string;
}

export interface AvailablePayoutMethod {
  type: PayoutMethodType;
  name: string;
  fields: PayoutMethodField[];
}

export interface PayoutMethodView {
  id: string;
  type: PayoutMethodType;
  name: string;
  country: string;
  /** Every field of the method; secret ones masked (e.g. "••••6789"). */
  details: Record<string, string>;
  preferred: boolean;
  createdAt: string;
}

export class ListAvailablePayoutMethodsRequest {
  @ApiProperty({ example: 'GB', description: 'Country of residence, ISO 3166-1 alpha-2' })
  @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as GB' })
  country: string;
}

export class AddPayoutMethodRequest extends ActorRequest {
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey?: string;

  @ApiProperty({ enum: PAYOUT_METHOD_TYPES, enumName: 'PayoutMethodType' })
  @IsIn(PAYOUT_METHOD_TYPES)
  type: PayoutMethodType;

  @ApiProperty({ example: 'GB' })
  @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as GB' })
  country: string;

  /** Field name → value, as the catalogue lists them for this type and country. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { accountHolder: 'Ada Lovelace', sortCode: '040004', accountNumber: '12345678' },
    description: 'The fields GET /v1/payout-methods/available lists for this type and country',
  })
  @IsObject()
  details: Record<string, string>;
}

export class ListPayoutMethodsRequest extends ActorRequest {}

export class SetPreferredPayoutMethodRequest extends ActorRequest {
  @IsUUID()
  methodId: string;
}

export class RemovePayoutMethodRequest extends ActorRequest {
  @IsUUID()
  methodId: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export const ListAvailablePayoutMethodsRpc = rpcContract<
  ListAvailablePayoutMethodsRequest,
  { data: AvailablePayoutMethod[] }
>('payout', 'payout.payout-method.available.v1', ListAvailablePayoutMethodsRequest);
export const AddPayoutMethodRpc = rpcContract<AddPayoutMethodRequest, PayoutMethodView>(
  'payout',
  'payout.payout-method.add.v1',
  AddPayoutMethodRequest,
);
export const ListPayoutMethodsRpc = rpcContract<
  ListPayoutMethodsRequest,
  { data: PayoutMethodView[] }
>('payout', 'payout.payout-method.list.v1', ListPayoutMethodsRequest);
export const SetPreferredPayoutMethodRpc = rpcContract<
  SetPreferredPayoutMethodRequest,
  PayoutMethodView
>('payout', 'payout.payout-method.set-preferred.v1', SetPreferredPayoutMethodRequest);
