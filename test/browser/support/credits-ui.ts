import type { Locator, Page } from 'playwright-core';

/** The open dialog with this title (Mantine names a modal by its title). */
export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title });
}

/** Picks an option of a Mantine Select by clicking it open, then the option. */
export async function pick(scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await scope.page().getByRole('option', { name: option }).click();
}

/** A top-line total ("Available credit" / "Pending credit") as the page shows it. */
export function total(page: Page, name: 'Available credit' | 'Pending credit'): Locator {
  return page.getByRole('group', { name });
}

/** The row of a cost code in the "Cost codes with credit" table. */
export function balanceRow(page: Page, code: string): Locator {
  return page
    .getByRole('table', { name: 'Cost codes with credit' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${code}\\b`) }) });
}

export function invoiceTable(page: Page, which: 'Unpaid' | 'Paid'): Locator {
  return page.getByRole('table', { name: `${which} credit invoices` });
}
