import { ROLES } from '../auth/roles';
import { ROUTE_ROLES } from '../common/access';
import { MEENTCOOP_READERS } from './case-access';
import { EDITABLE_FIELDS, roleMayEdit } from './case-editing';
import { CASE_ACTIONS, mayDo, rolesFor } from './case-transitions';
import { CasesController } from './cases.controller';
import { SuspensionsController } from './suspensions.controller';

// The role rules of a case's routes come from CASE_ACTIONS (and the transition table); these
// are the roles each route let in before they moved there (issue 14, item 1): no API change.
const EXPECTED: [controller: object, method: string, roles: string[]][] = [
  [CasesController, 'file', ['buyer', 'admin']],
  [CasesController, 'update', ['buyer', 'staff', 'admin']],
  [CasesController, 'transition', ['buyer', 'staff', 'admin']],
  [CasesController, 'addNote', ['buyer', 'staff', 'admin']],
  [CasesController, 'changeKoppel', ['staff', 'admin']],
  [CasesController, 'koppelHistory', ['staff', 'auditor', 'admin']],
  [CasesController, 'koppelCandidates', ['staff', 'admin']],
  [SuspensionsController, 'suspend', ['staff']],
  [SuspensionsController, 'end', ['staff']],
  [SuspensionsController, 'extend', ['staff', 'admin']],
];

describe('who may do what to a case (CASE_ACTIONS)', () => {
  it.each(EXPECTED)('%p.%s lets in exactly its roles', (controller, method, roles) => {
    const handler = (controller as { prototype: Record<string, unknown> }).prototype[method];
    expect(handler).toBeInstanceOf(Function);
    expect(Reflect.getMetadata(ROUTE_ROLES, handler as object)).toEqual(roles);
  });

  it('names who takes transitions from the table: the filer as a buyer, staff, admins, Brug', () => {
    expect(CASE_ACTIONS.transition).toEqual(['buyer', 'staff', 'admin', 'system']);
  });

  it('lets exactly the roles with an editable field change a case', () => {
    const editors = ROLES.filter((role) => EDITABLE_FIELDS.some((f) => roleMayEdit(role, f)));
    expect(rolesFor('edit')).toEqual(editors);
  });

  it('keeps Brug-only actions off every route', () => {
    expect(() => rolesFor('recordBreach')).toThrow('No person may recordBreach.');
    expect(mayDo('recordBreach', 'system')).toBe(true);
    expect(mayDo('recordBreach', 'admin')).toBe(false);
    expect(rolesFor('resume')).toEqual(['staff']);
  });

  it('lets MeentCoop and the auditors read the internals', () => {
    expect(MEENTCOOP_READERS).toEqual(['staff', 'auditor', 'admin']);
  });
});
