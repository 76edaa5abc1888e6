import type { ProjectInvoiceView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { csvCell, INVOICE_CSV_HEADER, invoiceCsvRow } from './invoice-csv';

const invoice: ProjectInvoiceView = {
  id: '00000000-0000-4000-8000-000000000001',
  projectId: '00000000-0000-4000-8000-000000000002',
  brandId: '00000000-0000-4000-8000-000000000003',
  creatorId: '00000000-0000-4000-8000-000000000004',
  title: 'Spring, "launch" video',
  costCodeId: '00000000-0000-4000-8000-000000000005',
  attachedCostCodeIds: [],
  storyCode: 'SPRING-1',
  amount: 150000,
  amountPaid: 50000,
  amountDue: 100000,
  currency: 'USD',
  status: 'partially_paid',
  issuedAt: '2026-11-20T10:00:00.000Z',
  paidAt: null,
  voidedAt: null,
  payments: [],
};

describe('invoice CSV', () => {
  it('has one header naming every column', () => {
    expect(INVOICE_CSV_HEADER).toBe(
      'invoice_id,project_id,title,cost_code_id,story_code,currency,amount,amount_paid,amount_due,status,issued_at,paid_at\r\n',
    );
  });

  it('writes amounts in exact major units and quotes text with commas or quotes', () => {
    expect(invoiceCsvRow(invoice)).toBe(
      '00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002,' +
        '"Spring, ""launch"" video",00000000-0000-4000-8000-000000000005,SPRING-1,USD,' +
        '1500.00,500.00,1000.00,partially_paid,2026-11-20T10:00:00.000Z,\r\n',
    );
  });

  it.each([
    { value: '=HYPERLINK("x")', cell: `"'=HYPERLINK(""x"")"` },
    { value: '+1', cell: "'+1" },
    { value: '-2', cell: "'-2" },
    { value: '@SUM(A1)', cell: "'@SUM(A1)" },
    { value: 'line\nbreak', cell: '"line\nbreak"' },
    { value: ' padded ', cell: '" padded "' },
    { value: null, cell: '' },
    { value: 42, cell: '42' },
  ])('neutralises and quotes $value', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });
});
