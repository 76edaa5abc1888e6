import type { ProjectView } from '@glimmer/contracts/network/offer.messages';
import { toAmount } from '@glimmer/database/sql';
import type { Project } from './project.entity';

/** The contract's view of a project (invoicing adds the invoice and payment date). */
export function toProjectView(project: Project): ProjectView {
  return {
    id: project.id,
    offerId: project.offerId,
    title: project.title,
    creatorId: project.creatorId,
    brandId: project.brandId,
    fee: toAmount(project.fee),
    currency: project.currency.trim(),
    costCodeId: project.costCodeId,
    storyCode: project.storyCode,
    status: project.status,
    createdAt: project.createdAt.toISOString(),
    completedByBrandAt: project.completedByBrandAt?.toISOString() ?? null,
    completedByCreatorAt: project.completedByCreatorAt?.toISOString() ?? null,
    completedAt: project.completedAt?.toISOString() ?? null,
    invoiceId: null,
    expectedPaymentDate: null,
  };
}
