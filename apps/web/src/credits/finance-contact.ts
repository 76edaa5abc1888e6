import { useCurrentUser, type Me } from '../session/session';

/**
 * Who receives credit invoices and VOID notices, as a sentence names them. The brand's
 * finance email is used when the API gives it (MeDto does not carry it today, hence the
 * narrow optional read); otherwise "your finance contact".
 */
export function useFinanceContact(): string {
  const me = useCurrentUser() as Me & { financeEmail?: string | null };
  return me.financeEmail || 'your finance contact';
}
