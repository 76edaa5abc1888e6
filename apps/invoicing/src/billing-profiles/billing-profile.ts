/** Who receives a brand's credit invoices: a local copy of the brand's finance contact. */
export interface BillingProfile {
  brandId: string;
  name: string;
  currency: string;
  financeEmail: string;
}
