import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Creator } from '../creators/creator.entity';
import { Offer } from './offer.entity';

/** The contract signed when an offer was accepted: the exact text, its SHA-256, the signature. */
@Entity({ tableName: 'contract' })
export class Contract {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({
    entity: () => Offer,
    fieldName: 'offer_id',
    mapToPk: true,
    foreignKeyName: 'contract_offer_id_fkey',
    type: 'uuid',
    unique: 'contract_offer_id_key',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  offerId!: string;

  @Property({ type: 'text', fieldName: 'template_version' })
  templateVersion!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @Property({ type: 'uuid', fieldName: 'signer_user_id' })
  signerUserId!: string;

  @ManyToOne({
    entity: () => Creator,
    fieldName: 'signer_creator_id',
    mapToPk: true,
    foreignKeyName: 'contract_signer_creator_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  signerCreatorId!: string;

  @Property({ type: 'text', fieldName: 'signature_name' })
  signatureName!: string;

  @Property({ type: 'timestamptz', fieldName: 'signed_at' })
  signedAt!: Date;

  @Property({ type: 'text', fieldName: 'signer_ip', nullable: true })
  signerIp: string | null = null;

  @Property({ type: 'text', fieldName: 'signer_user_agent', nullable: true })
  signerUserAgent: string | null = null;
}
