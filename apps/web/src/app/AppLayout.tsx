import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { EmailVerificationBanner } from '../session/EmailVerificationBanner';
import { type Me, type Role, useCurrentUser, useSessionActions } from '../session/session';

interface NavItem {
  label: string;
  to: string;
  /** A page the gateway serves itself (not a route of this app). */
  external?: boolean;
}
interface NavSection {
  label?: string;
  items: NavItem[];
}

/** The navigation of each role, in the words of the help-center articles. */
const NAVIGATION: Record<Role, NavSection[]> = {
  brand: [
    {
      label: 'Reports',
      items: [
        { label: 'Credits', to: '/reports/credits' },
        { label: 'Invoices', to: '/reports/invoices' },
      ],
    },
    {
      items: [
        { label: 'Cost codes', to: '/cost-codes' },
        { label: 'My Network', to: '/network' },
        { label: 'Offers', to: '/offers' },
        { label: 'Projects', to: '/projects' },
      ],
    },
  ],
  creator: [
    {
      items: [
        { label: 'Dashboard', to: '/dashboard' },
        { label: 'Offers', to: '/offers' },
        { label: 'Projects', to: '/projects' },
        { label: 'Profile', to: '/profile' },
        { label: 'Settings', to: '/settings/payout' },
      ],
    },
  ],
  ops: [
    {
      label: 'Operations',
      items: [
        { label: 'Ledger health', to: '/ops/ledger' },
        { label: 'Dead letters', to: '/ops/dead-letters' },
        { label: 'Money that needs a person', to: '/ops/money' },
        { label: 'Queue board', to: '/ops/queues', external: true },
      ],
    },
  ],
};

function useProfilePhoto(me: Me): string | undefined {
  const profile = useQuery({
    queryKey: ['me', 'profile'],
    queryFn: () => call(api.GET('/v1/me/profile')),
    enabled: me.role === 'creator',
    staleTime: 60_000,
  });
  const data = profile.data as { photoUrl?: string | null } | undefined;
  return data?.photoUrl ?? undefined;
}

/** The signed-in frame: navigation for the role, and the account menu in the top-right corner. */
export function AppLayout() {
  const me = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const { logOut } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const photo = useProfilePhoto(me);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Open navigation"
            />
            <Text fw={700} size="lg" component="span">
              Glimmer
            </Text>
          </Group>
          {/* No focus placeholder: a focusable presentational child inside role="menu" fails axe
              (aria-required-children); the first item takes focus instead. */}
          <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
            <Menu.Target>
              <UnstyledButton aria-label={`Account menu for ${me.name || me.email}`}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" visibleFrom="sm">
                    {me.name || me.email}
                  </Text>
                  {/* No initial letter: it would join the visible name, which must match the
                      button's label (axe label-content-name-mismatch); the placeholder is an icon. */}
                  <Avatar src={photo} alt="" radius="xl" size={32} aria-hidden="true" />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{me.email}</Menu.Label>
              {me.role === 'creator' && (
                <>
                  <Menu.Item onClick={() => void navigate('/profile')}>Profile</Menu.Item>
                  <Menu.Item onClick={() => void navigate('/settings/payout')}>Settings</Menu.Item>
                </>
              )}
              <Menu.Item onClick={() => void navigate('/account/password')}>
                Change password
              </Menu.Item>
              <Menu.Item
                onClick={() => void logOut().then(() => navigate('/login', { replace: true }))}
              >
                Log out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          {NAVIGATION[me.role].map((section, i) => (
            <div key={section.label ?? i}>
              {section.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {section.label}
                </Text>
              )}
              {section.items.map((item) =>
                item.external ? (
                  <NavLink key={item.to} label={item.label} href={item.to} component="a" />
                ) : (
                  <NavLink
                    key={item.to}
                    label={item.label}
                    component={RouterLink}
                    to={item.to}
                    active={location.pathname.startsWith(item.to)}
                    onClick={close}
                  />
                ),
              )}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <EmailVerificationBanner me={me} />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
