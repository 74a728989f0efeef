import { assignmentProblems } from './user-assignment';

describe('assignmentProblems', () => {
  it('accepts what each role needs', () => {
    expect(assignmentProblems('buyer', 'municipal', 0)).toEqual([]);
    expect(assignmentProblems('staff', 'meentcoop_team', 0)).toEqual([]);
    expect(assignmentProblems('budget_holder', 'municipal', 2)).toEqual([]);
    expect(assignmentProblems('budget_holder', null, 1)).toEqual([]);
    expect(assignmentProblems('auditor', null, 0)).toEqual([]);
    expect(assignmentProblems('admin', 'meentcoop_team', 0)).toEqual([]);
  });

  it('refuses a buyer without a municipal unit', () => {
    expect(assignmentProblems('buyer', null, 0).map((p) => p.field)).toEqual([
      'organisationUnitId',
    ]);
    expect(assignmentProblems('buyer', 'meentcoop_team', 0)).toHaveLength(1);
  });

  it('refuses staff outside a MeentCoop team', () => {
    expect(assignmentProblems('staff', 'municipal', 0)).toHaveLength(1);
    expect(assignmentProblems('staff', null, 0)).toHaveLength(1);
  });

  it('refuses a budget holder without domains, and domains for anyone else', () => {
    expect(assignmentProblems('budget_holder', 'municipal', 0).map((p) => p.field)).toEqual([
      'domains',
    ]);
    expect(assignmentProblems('buyer', 'municipal', 1).map((p) => p.field)).toEqual(['domains']);
    expect(assignmentProblems('auditor', null, 3).map((p) => p.field)).toEqual(['domains']);
  });
});
