import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ProjectInvoice } from './project-invoice.entity';

/** A cost code whose credit may pay a project invoice (part of the invoice's aggregate). */
@Entity({ tableName: 'project_invoice_cost_code' })
@Index({ name: 'project_invoice_cost_code_cost_code_idx', properties: ['costCodeId'] })
export class ProjectInvoiceCostCode {
  [OptionalProps]?: 'attachedAt';

  @ManyToOne({
    entity: () => ProjectInvoice,
    fieldName: 'invoice_id',
    foreignKeyName: 'project_invoice_cost_code_invoice_id_fkey',
    type: 'uuid',
    mapToPk: true,
    primary: true,
    updateRule: 'no action',
    deleteRule: 'no action',
  })
  invoiceId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: 'timestamptz', fieldName: 'attached_at', defaultRaw: 'now()' })
  attachedAt?: Date;
}
