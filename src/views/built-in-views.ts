import type { Actor } from '../auth/roles';
import type { CaseSort } from '../cases/dto/list-cases.query';
import { OPEN_STATUSES } from '../cases/case-transitions';
import type { ViewColumn, ViewFilters } from './view-filters';

/** The views every person of a role starts with: fixed, not stored, named by a key the UI words. */
export const BUILT_IN_VIEW_KEYS = [
  'my_cases',
  'waiting_on_me',
  'deadline_due',
  'suspended',
  'unassigned',
  'open_cases',
] as const;
export type BuiltInViewKey = (typeof BUILT_IN_VIEW_KEYS)[number];

export interface BuiltInView {
  key: BuiltInViewKey;
  name: string;
  filters: ViewFilters;
  sort: CaseSort;
  columns: ViewColumn[];
}

const open = [...OPEN_STATUSES];
const WORK_COLUMNS: ViewColumn[] = ['status', 'sla', 'assignee', 'deadline'];
const LIST_COLUMNS: ViewColumn[] = ['status', 'sla', 'team', 'deadline', 'value'];

const deadlineDue: BuiltInView = {
  key: 'deadline_due',
  name: 'Deadline passed or near',
  filters: { sla: ['breached', 'due_soon'] },
  sort: 'deadline',
  columns: WORK_COLUMNS,
};
const suspended: BuiltInView = {
  key: 'suspended',
  name: 'Suspended',
  filters: { sla: ['suspended'] },
  sort: '-filedAt',
  columns: WORK_COLUMNS,
};
const unassigned: BuiltInView = {
  key: 'unassigned',
  name: 'Without a handler',
  filters: { status: open.filter((s) => s !== 'filed'), assignee: 'none' },
  sort: '-priority',
  columns: ['status', 'sla', 'team', 'deadline'],
};
const openCases: BuiltInView = {
  key: 'open_cases',
  name: 'Open cases',
  filters: { status: open },
  sort: '-filedAt',
  columns: LIST_COLUMNS,
};

/**
 * Per role: staff see their own work and their team's queue; buyers their unit's cases and the
 * proposals that wait for them; budget holders and auditors the open cases and the late ones.
 */
export function builtInViews(actor: Actor, teamCode: string | null): BuiltInView[] {
  switch (actor.role) {
    case 'staff':
      return [
        {
          key: 'my_cases',
          name: 'My cases',
          filters: { status: open, assignee: 'me' },
          sort: '-priority',
          columns: WORK_COLUMNS,
        },
        {
          key: 'waiting_on_me',
          name: 'Waiting for me',
          // Routed to my team and not yet taken on.
          filters: { status: ['routed'], ...(teamCode ? { team: teamCode } : {}) },
          sort: '-priority',
          columns: ['status', 'sla', 'deadline', 'value'],
        },
        deadlineDue,
        suspended,
        unassigned,
      ];
    case 'buyer':
      return [
        {
          key: 'my_cases',
          name: 'My cases',
          filters: { status: open },
          sort: '-filedAt',
          columns: ['status', 'sla', 'team', 'deadline'],
        },
        {
          key: 'waiting_on_me',
          name: 'Waiting for me',
          // A proposal the buyer accepts or declines.
          filters: { status: ['proposed'] },
          sort: 'deadline',
          columns: ['status', 'team', 'deadline', 'value'],
        },
        deadlineDue,
        suspended,
      ];
    case 'budget_holder':
      return [openCases, deadlineDue];
    case 'auditor':
    case 'admin':
      return [openCases, deadlineDue, suspended, unassigned];
  }
}
