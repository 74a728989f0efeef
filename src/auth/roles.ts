export const ROLES = ['buyer', 'staff', 'budget_holder', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person on whose behalf a request or a job acts. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationUnitId: string | null;
  /** The domain codes a budget holder holds; empty for every other role. */
  domains: string[];
}
