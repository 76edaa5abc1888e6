import {
  Anchor,
  Badge,
  Button,
  DataList,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import type { ApiProblem } from '../api/problem';
import { Money } from '../components/Money';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCostCode } from '../cost-codes/cost-code-queries';
import { type ProjectInvoice, useInvoice } from '../invoices/invoice-queries';
import { InvoiceStatusBadge } from '../components/InvoiceStatusBadge';
import { useCurrentUser } from '../session/session';
import { completionOf, type Party } from './completion';
import { formatDay, formatInstant } from '../components/dates';
import { DetailRow } from '../components/DetailRow';
import { payoutStatusText } from './payout-status';
import { type Project, projectKeys, useProject, useProjectPayout } from './project-queries';
import { ProjectStatusBadge } from './ProjectStatusBadge';

/**
 * A project as its brand or its creator sees it: the commission, each party's completion with
 * Mark complete for the caller's side, and then the invoice (brand) or the payment (creator).
 * It refreshes by itself while it waits on the other party, the invoice or the payout.
 */
export function ProjectPage() {
  const { projectId = '' } = useParams();
  const me = useCurrentUser();
  const viewer: Party = me.role === 'creator' ? 'creator' : 'brand';
  const project = useProject(projectId, viewer === 'creator');

  if (project.isPending) return <Loader role="status" aria-label="Loading the project" />;
  if (project.error)
    return (
      <Stack>
        <Title order={1}>Project</Title>
        <ProblemAlert error={project.error} title="The project could not be loaded" />
        <Anchor component={Link} to="/projects">
          Back to projects
        </Anchor>
      </Stack>
    );
  return <ProjectDetails project={project.data} viewer={viewer} />;
}

function ProjectDetails({ project, viewer }: { project: Project; viewer: Party }) {
  const creator = useQuery({
    queryKey: ['network', 'creator', project.creatorId],
    queryFn: () =>
      call(api.GET('/v1/creators/{id}', { params: { path: { id: project.creatorId } } })),
    enabled: viewer === 'brand',
    staleTime: 60_000,
  });
  // The creator sees the brand's name through the project's offer (the project has only ids).
  const offer = useQuery({
    queryKey: ['offers', 'one', project.offerId],
    queryFn: () => call(api.GET('/v1/offers/{id}', { params: { path: { id: project.offerId } } })),
    enabled: viewer === 'creator',
    staleTime: 60_000,
  });
  const brandName = offer.data?.brandName;
  // Only the project's own code: the whole overview would grow with the brand's codes.
  const costCode = useCostCode(project.costCodeId, { enabled: viewer === 'brand' }).data;
  const creatorName = creator.data?.name;
  const completion = completionOf(project, viewer, viewer === 'brand' ? creatorName : brandName);

  return (
    <Stack maw={820}>
      <Anchor component={Link} to="/projects" size="sm">
        ← All projects
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1}>{project.title}</Title>
        <ProjectStatusBadge status={project.status} />
      </Group>

      <Paper withBorder p="md">
        <DataList labelWidth={140} withDivider>
          {viewer === 'brand' && (
            <DetailRow label="Creator">
              <Anchor component={Link} to={`/network/creators/${project.creatorId}`}>
                {creatorName ?? 'View creator'}
              </Anchor>
            </DetailRow>
          )}
          {viewer === 'creator' && brandName && <DetailRow label="Brand">{brandName}</DetailRow>}
          <DetailRow label="Fee">
            <Money amount={project.fee} currency={project.currency} />
          </DetailRow>
          {viewer === 'brand' && (
            <DetailRow label="Cost code">
              {costCode ? `${costCode.code} — ${costCode.name}` : '…'}
            </DetailRow>
          )}
          <DetailRow label="Story code">{project.storyCode}</DetailRow>
          <DetailRow label="Started">{formatInstant(project.createdAt)}</DetailRow>
          <DetailRow label="Offer">
            <Anchor component={Link} to={`/offers/${project.offerId}`}>
              View the offer and contract
            </Anchor>
          </DetailRow>
          <DetailRow label="Project ID">
            <Text span ff="monospace" size="sm">
              {project.id}
            </Text>
          </DetailRow>
        </DataList>
      </Paper>

      <CompletionSection project={project} viewer={viewer} completion={completion} />
      {viewer === 'brand' ? (
        <InvoiceSection project={project} />
      ) : (
        <PaymentSection project={project} />
      )}
    </Stack>
  );
}

function PartyLine({ done, text }: { done: boolean; text: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon color={done ? 'green' : 'gray'} variant="light" size="sm" radius="xl">
        {done ? (
          <IconCircleCheck size={14} aria-hidden="true" />
        ) : (
          <IconClock size={14} aria-hidden="true" />
        )}
      </ThemeIcon>
      <Text size="sm">{text}</Text>
    </Group>
  );
}

function CompletionSection({
  project,
  viewer,
  completion,
}: {
  project: Project;
  viewer: Party;
  completion: ReturnType<typeof completionOf>;
}) {
  const queryClient = useQueryClient();
  // Marking complete is repeatable on the server (a second mark changes nothing), so it needs
  // no Idempotency-Key: a retry after a lost answer is harmless.
  const complete = useMutation<Project, ApiProblem>({
    mutationFn: () =>
      call(api.POST('/v1/projects/{id}/complete', { params: { path: { id: project.id } } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(projectKeys.one(project.id), (old: Project | undefined) =>
        old ? { ...old, ...updated, invoiceId: updated.invoiceId ?? old.invoiceId } : updated,
      );
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      notifications.show({
        color: 'green',
        title: 'Marked complete',
        message:
          updated.status === 'completed'
            ? viewer === 'brand'
              ? 'Both sides are done: the project invoice is being issued.'
              : 'Both sides are done: your payment is logged.'
            : `The ${viewer === 'brand' ? 'creator' : 'brand'} is asked to mark it complete too.`,
      });
    },
  });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Completion
        </Title>
        <PartyLine done={completion.mineDone} text={completion.mine} />
        <PartyLine done={completion.theirsDone} text={completion.theirs} />
        {project.status === 'completed' && project.completedAt && (
          <Text size="sm" c="dimmed">
            Completed by both parties on {formatInstant(project.completedAt)}.
          </Text>
        )}
        <ProblemAlert error={complete.error} title="The project was not marked complete" />
        {!completion.mineDone && (
          <Group gap="sm" wrap="wrap">
            <Button onClick={() => complete.mutate()} loading={complete.isPending}>
              Mark complete
            </Button>
            <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
              {viewer === 'brand'
                ? 'When you and the creator have both marked it complete, the project invoice is issued to your finance contact.'
                : 'When you and the brand have both marked it complete, your payment is logged.'}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function InvoiceSection({ project }: { project: Project }) {
  const invoice = useInvoice(project.invoiceId);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Invoice
        </Title>
        {!project.invoiceId ? (
          <Text size="sm" c="dimmed">
            {project.status === 'completed'
              ? 'The project invoice is being issued…'
              : 'The project invoice is issued when both parties have marked the project complete.'}
          </Text>
        ) : (
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm">
              {invoice.data && <InvoiceStatusBadge status={invoice.data.status} />}
              {invoice.data && <InvoiceSummary invoice={invoice.data} />}
            </Group>
            <Button
              component={Link}
              to={`/reports/invoices?invoice=${project.invoiceId}`}
              variant="light"
            >
              View invoice
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function InvoiceSummary({ invoice }: { invoice: ProjectInvoice }) {
  if (invoice.status === 'paid')
    return (
      <Text size="sm">
        <Money amount={invoice.amount} currency={invoice.currency} /> paid
        {invoice.paidAt ? ` on ${formatInstant(invoice.paidAt)}` : ''}
      </Text>
    );
  if (invoice.status === 'void') return null;
  return (
    <Text size="sm">
      <Money amount={invoice.amountDue} currency={invoice.currency} /> due of{' '}
      <Money amount={invoice.amount} currency={invoice.currency} />
    </Text>
  );
}

function PaymentSection({ project }: { project: Project }) {
  const payout = useProjectPayout(project.id, project.status === 'completed');
  const status = payoutStatusText(project, payout.data ?? null);
  const expected = payout.data?.expectedDate ?? project.expectedPaymentDate;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Payment
        </Title>
        <DataList labelWidth={180}>
          <DetailRow label="Expected payment date">
            {expected ? formatDay(expected) : 'Not scheduled yet'}
          </DetailRow>
          <DetailRow label="Payout status">
            <Badge color={status.color} variant="dot" tt="none">
              {status.label}
            </Badge>
          </DetailRow>
        </DataList>
        <Text size="sm">
          {status.detail}{' '}
          {payout.data?.status === 'needs_method' && (
            <Anchor component={Link} to="/settings/payout">
              Add a payout method
            </Anchor>
          )}
        </Text>
      </Stack>
    </Paper>
  );
}
