import { createHash } from 'node:crypto';
import { formatMoney } from '@glimmer/money/money';

/**
 * The commission contract a creator e-signs when accepting an offer. The text is generated from
 * the offer by a versioned template and stored unchanged with its SHA-256, so what was signed
 * can be proven later. Never change a shipped version's text: add a new version.
 */
export const CONTRACT_TEMPLATE_VERSION = 'commission-v1';

export interface ContractTerms {
  offerId: string;
  brandId: string;
  brandName: string;
  creatorId: string;
  creatorName: string;
  title: string;
  brief: string;
  fee: number;
  currency: string;
  dueDate: string;
  costCodeId: string;
  storyCode: string;
}

export function renderContract(t: ContractTerms): string {
  return [
    `COMMISSION AGREEMENT (${CONTRACT_TEMPLATE_VERSION})`,
    `Offer: ${t.offerId}`,
    `Client: ${t.brandName} (${t.brandId})`,
    `Creator: ${t.creatorName} (${t.creatorId})`,
    '',
    `1. Work. The Creator will deliver "${t.title}" as described in the brief below by ${t.dueDate}.`,
    `2. Fee. The Client will pay the Creator ${formatMoney(t.fee, t.currency)} (${t.fee} minor units of ${t.currency}), ` +
      `charged to cost code ${t.costCodeId}, story code ${t.storyCode}. The fee is paid through Glimmer ` +
      'once both parties have marked the project complete.',
    '3. Completion. The project is complete when both the Client and the Creator have marked it complete on Glimmer.',
    '4. Signature. The Creator signs this agreement electronically by typing their name; Glimmer records ' +
      'the signer, the typed name, the time, the IP address, the user agent and the SHA-256 of this text.',
    '',
    'Brief:',
    t.brief,
    '',
  ].join('\n');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The one rendering of an offer's contract, for reading it and for signing it. */
export function offerContractText(
  offer: {
    id: string;
    brandId: string;
    title: string;
    brief: string;
    fee: number;
    currency: string;
    dueDate: string;
    costCodeId: string;
    storyCode: string;
  },
  parties: { brandName: string; creator: { id: string; name: string } },
): string {
  return renderContract({
    offerId: offer.id,
    brandId: offer.brandId,
    brandName: parties.brandName,
    creatorId: parties.creator.id,
    creatorName: parties.creator.name,
    title: offer.title,
    brief: offer.brief,
    fee: Number(offer.fee),
    currency: offer.currency.trim(),
    dueDate: offer.dueDate,
    costCodeId: offer.costCodeId,
    storyCode: offer.storyCode,
  });
}
