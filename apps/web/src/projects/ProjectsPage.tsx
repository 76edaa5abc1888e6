import { Anchor, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { SMALL_SCREEN } from '../components/screens';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Money } from '../components/Money';
import { ScrollableTable } from '../components/ScrollableTable';
import { ProblemAlert } from '../components/ProblemAlert';
import { ShowMoreButton } from '../components/ShowMoreButton';
import { useCurrentUser } from '../session/session';
import { nextStepOf, type Party } from './completion';
import { formatDay } from '../components/dates';
import { type Project, useCreatorNames, useProjects } from './project-queries';
import { ProjectStatusBadge } from './ProjectStatusBadge';

/** The caller's projects: a brand's commissions, or a creator's own work, newest first. */
export function ProjectsPage() {
  const me = useCurrentUser();
  const viewer: Party = me.role === 'creator' ? 'creator' : 'brand';
  const projects = useProjects();
  const names = useCreatorNames(viewer === 'brand');
  const rows = useMemo(() => projects.data?.pages.flatMap((p) => p.data) ?? [], [projects.data]);
  const creatorName = (id: string) => names.data?.get(id);

  return (
    <Stack>
      <div>
        <Title order={1} id="projects-heading">
          Projects
        </Title>
        <Text c="dimmed" size="sm">
          {viewer === 'brand'
            ? 'Offers your creators accepted. Mark a project complete when the work is delivered; the invoice is issued once the creator has too.'
            : 'Offers you accepted. Mark a project complete when you have delivered; you are paid once the brand has too.'}
        </Text>
      </div>
      <ProblemAlert error={projects.error} title="Projects could not be loaded" />
      {projects.isPending ? (
        <Loader role="status" aria-label="Loading projects" />
      ) : rows.length === 0 && !projects.error ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={500}>No projects yet.</Text>
          <Text size="sm" c="dimmed">
            {viewer === 'brand' ? (
              <>
                A project starts when a creator accepts your offer.{' '}
                <Anchor component={Link} to="/network">
                  Hire from My Network
                </Anchor>
              </>
            ) : (
              <>
                A project starts when you accept an offer.{' '}
                <Anchor component={Link} to="/offers">
                  See your offers
                </Anchor>
              </>
            )}
          </Text>
        </Paper>
      ) : (
        <ProjectList projects={rows} viewer={viewer} creatorName={creatorName} />
      )}
      <ShowMoreButton list={projects}>Load more</ShowMoreButton>
    </Stack>
  );
}

interface ListProps {
  projects: Project[];
  viewer: Party;
  creatorName: (creatorId: string) => string | undefined;
}

/** A table on a wide screen; on a phone (where creators mostly are) one card per project. */
function ProjectList(props: ListProps) {
  const phone = useMediaQuery(SMALL_SCREEN);
  return phone ? <ProjectCards {...props} /> : <ProjectTable {...props} />;
}

function ProjectCards({ projects, viewer, creatorName }: ListProps) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {projects.map((project) => (
        <Paper key={project.id} withBorder p="md" component="li">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/projects/${project.id}`} fw={600}>
                {project.title}
              </Anchor>
              <ProjectStatusBadge status={project.status} />
            </Group>
            <Text size="sm">
              <Money amount={project.fee} currency={project.currency} /> · {project.storyCode}
              {viewer === 'brand' && ` · ${creatorName(project.creatorId) ?? ''}`}
            </Text>
            <Text size="sm" c="dimmed">
              {nextStepOf(project, viewer)}
            </Text>
            {viewer === 'creator' && project.expectedPaymentDate && (
              <Text size="sm">Expected payment: {formatDay(project.expectedPaymentDate)}</Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function ProjectTable({ projects, viewer, creatorName }: ListProps) {
  return (
    <ScrollableTable minWidth={760} labelledBy="projects-heading">
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project</Table.Th>
            {viewer === 'brand' && <Table.Th>Creator</Table.Th>}
            <Table.Th ta="right">Fee</Table.Th>
            <Table.Th>Story code</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Next step</Table.Th>
            {viewer === 'creator' && <Table.Th>Expected payment</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((project) => (
            <Table.Tr key={project.id}>
              <Table.Td>
                <Anchor component={Link} to={`/projects/${project.id}`} fw={500}>
                  {project.title}
                </Anchor>
              </Table.Td>
              {viewer === 'brand' && <Table.Td>{creatorName(project.creatorId) ?? '…'}</Table.Td>}
              <Table.Td ta="right">
                <Money amount={project.fee} currency={project.currency} />
              </Table.Td>
              <Table.Td>{project.storyCode}</Table.Td>
              <Table.Td>
                <ProjectStatusBadge status={project.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{nextStepOf(project, viewer)}</Text>
              </Table.Td>
              {viewer === 'creator' && (
                <Table.Td>
                  {project.expectedPaymentDate ? formatDay(project.expectedPaymentDate) : '—'}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollableTable>
  );
}
