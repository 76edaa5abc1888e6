import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_INBOX_SQL } from '@glimmer/messaging/outbox/outbox.sql';

/**
 * The creator-network schema: brands (a projection of identity events), creators and their
 * profiles, invites, network memberships, offers, signed contracts and projects. Invite tokens
 * are stored only as their SHA-256; contracts keep the exact signed text beside its hash.
 */
const NETWORK_SQL = [
  `create table brand (
    id uuid primary key,
    name text not null,
    admin_email text,
    updated_at timestamptz not null default now()
  )`,

  `create table creator (
    id uuid primary key,
    email text not null,
    name text not null,
    created_at timestamptz not null default now()
  )`,
  `create unique index creator_email_key on creator (lower(email))`,

  `create table creator_profile (
    creator_id uuid primary key references creator (id),
    display_name text not null,
    bio text,
    country char(2) not null,
    city text,
    skills text[] not null default '{}',
    languages text[] not null default '{}',
    equipment text[] not null default '{}',
    updated_at timestamptz not null default now()
  )`,
  `create index creator_profile_skills_idx on creator_profile using gin (skills)`,

  `create table work_sample (
    id uuid primary key,
    creator_id uuid not null references creator (id),
    title text not null,
    url text not null,
    description text,
    created_at timestamptz not null default now()
  )`,
  `create index work_sample_creator_idx on work_sample (creator_id, created_at)`,

  `create table invite (
    id uuid primary key,
    brand_id uuid not null,
    email text not null,
    message text,
    token_hash text not null,
    status text not null check (status in ('sent', 'accepted', 'revoked')),
    expires_at timestamptz not null,
    invited_by uuid not null,
    inviter_email text,
    created_at timestamptz not null default now(),
    sent_at timestamptz not null default now(),
    accepted_at timestamptz,
    accepted_creator_id uuid references creator (id),
    revoked_at timestamptz,
    constraint invite_accepted check ((status = 'accepted') = (accepted_creator_id is not null))
  )`,
  `create unique index invite_token_hash_key on invite (token_hash)`,
  `create index invite_brand_keyset_idx on invite (brand_id, created_at, id)`,

  `create table network_membership (
    brand_id uuid not null,
    creator_id uuid not null references creator (id),
    invite_id uuid not null references invite (id),
    joined_at timestamptz not null default now(),
    primary key (brand_id, creator_id)
  )`,
  `create index network_membership_keyset_idx on network_membership (brand_id, joined_at, creator_id)`,

  `create table offer (
    id uuid primary key,
    brand_id uuid not null,
    creator_id uuid not null references creator (id),
    title text not null,
    brief text not null,
    fee bigint not null check (fee > 0),
    currency char(3) not null,
    due_date date not null,
    cost_code_id uuid not null,
    story_code text not null,
    status text not null check (status in ('sent', 'accepted', 'declined', 'withdrawn')),
    created_by uuid not null,
    created_at timestamptz not null default now(),
    decided_at timestamptz
  )`,
  `create index offer_brand_keyset_idx on offer (brand_id, created_at, id)`,
  `create index offer_creator_keyset_idx on offer (creator_id, created_at, id)`,

  `create table contract (
    id uuid primary key,
    offer_id uuid not null unique references offer (id),
    template_version text not null,
    body text not null,
    sha256 char(64) not null,
    signer_user_id uuid not null,
    signer_creator_id uuid not null references creator (id),
    signature_name text not null,
    signed_at timestamptz not null,
    signer_ip text,
    signer_user_agent text
  )`,

  `create table project (
    id uuid primary key,
    offer_id uuid not null unique references offer (id),
    contract_id uuid not null references contract (id),
    brand_id uuid not null,
    creator_id uuid not null references creator (id),
    title text not null,
    fee bigint not null check (fee > 0),
    currency char(3) not null,
    cost_code_id uuid not null,
    story_code text not null,
    status text not null check (status in ('active', 'completed')),
    created_at timestamptz not null default now(),
    completed_by_brand_at timestamptz,
    completed_by_creator_at timestamptz,
    completed_at timestamptz,
    constraint project_completed check ((status = 'completed') = (completed_at is not null))
  )`,
  `create index project_brand_keyset_idx on project (brand_id, created_at, id)`,
  `create index project_creator_keyset_idx on project (creator_id, created_at, id)`,
];

export class Migration20261201000000Initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
    for (const sql of NETWORK_SQL) this.addSql(sql);
  }
}
