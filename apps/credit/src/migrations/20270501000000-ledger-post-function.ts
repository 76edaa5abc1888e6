import { Migration } from '@mikro-orm/migrations';

/**
 * A journal posting in one round trip: `ledger_post` locks the posting's accounts in id order,
 * applies every leg (a debit of available or pending credit only where the balance covers it),
 * and writes the journal transaction and its entries — the ten statements the credit service
 * used to send one by one. A refused debit raises SQLSTATE GL409 with what the caller is told
 * (the account's kind, balance and cost code) as JSON in DETAIL; the raise undoes the legs
 * already applied, and the caller's transaction (or savepoint) decides what else rolls back.
 *
 * The function resolves tables through the caller's search_path (the credit schema of the
 * connection), as the service's raw SQL does.
 */
export class Migration20270501000000LedgerPostFunction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function ledger_post(
        p_brand_id uuid, p_kind text, p_reference_id uuid, p_accounts uuid[], p_amounts bigint[])
      returns uuid language plpgsql as $fn$
      declare
        v_transaction_id uuid := gen_random_uuid();
        v_applied int;
        v_currencies text[];
        v_refused record;
      begin
        -- One global lock order (ascending id) so opposite movements queue instead of deadlocking.
        perform 1 from ledger_account where id = any(p_accounts) order by id for update;
        with applied as (
          update ledger_account a set balance = a.balance + l.amount
            from unnest(p_accounts, p_amounts) as l(account_id, amount)
           where a.id = l.account_id
             and (l.amount > 0 or a.kind not in ('available', 'pending') or a.balance >= -l.amount)
          returning a.currency)
        select count(*), array_agg(distinct currency) into v_applied, v_currencies from applied;
        if v_applied <> cardinality(p_accounts) then
          select l.account_id, a.kind, a.balance, a.cost_code_id, l.amount into v_refused
            from unnest(p_accounts, p_amounts) as l(account_id, amount)
            left join ledger_account a on a.id = l.account_id
           where a.id is null or (l.amount < 0 and a.kind in ('available', 'pending')
                                  and a.balance < -l.amount)
           limit 1;
          if v_refused.kind is null then
            raise exception 'ledger account % does not exist', v_refused.account_id;
          end if;
          raise exception using errcode = 'GL409', message = 'insufficient credit',
            detail = json_build_object('kind', v_refused.kind, 'balance', v_refused.balance,
              'costCodeId', v_refused.cost_code_id, 'requested', -v_refused.amount)::text;
        end if;
        if cardinality(v_currencies) <> 1 then
          raise exception 'a journal transaction spans currencies %', v_currencies;
        end if;
        insert into journal_transaction (id, brand_id, kind, reference_id)
          values (v_transaction_id, p_brand_id, p_kind, p_reference_id);
        insert into journal_entry (transaction_id, account_id, amount)
          select v_transaction_id, l.account_id, l.amount
            from unnest(p_accounts, p_amounts) as l(account_id, amount);
        return v_transaction_id;
      end
      $fn$`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function ledger_post(uuid, text, uuid, uuid[], bigint[])`);
  }
}
