import type { NewDomain, NewOrganisationUnit } from '../catalogue/catalogue.service';
import type { Role } from '../auth/roles';

/** The policy domains Brug starts with: the domains of the Publiek-Civiele route. */
export const SEED_DOMAINS: NewDomain[] = [
  { code: 'energy', nameNl: 'Schone energie', nameEn: 'Clean energy' },
  {
    code: 'energy-poverty',
    nameNl: 'Betaalbare energierekening',
    nameEn: 'Affordable energy bills',
  },
  {
    code: 'housing',
    nameNl: 'Wonen en wooncoöperaties',
    nameEn: 'Housing and housing cooperatives',
  },
  { code: 'food', nameNl: 'Voedsel en stadslandbouw', nameEn: 'Food and urban agriculture' },
  {
    code: 'circular',
    nameNl: 'Circulaire economie: recycling en upcycling van kleding en afval',
    nameEn: 'Circular economy: recycling and upcycling of clothing and waste',
  },
  { code: 'care', nameNl: 'Buurtzorg en welzijn', nameEn: 'Neighbourhood care and wellbeing' },
  { code: 'education', nameNl: 'Onderwijs', nameEn: 'Education' },
  { code: 'mobility', nameNl: 'Mobiliteit', nameEn: 'Mobility' },
  {
    code: 'solidarity-finance',
    nameNl: 'Solidariteitsfondsen, spaarkringen en verzekeringen',
    nameEn: 'Solidarity funds, savings circles and insurance',
  },
  {
    code: 'community',
    nameNl: 'Stadsdorpen en buurtinitiatieven',
    nameEn: 'City villages and neighbourhood initiatives',
  },
];

export const SEED_UNITS: NewOrganisationUnit[] = [
  { code: 'inkoop-duurzaamheid', name: 'Inkoop Duurzaamheid en Energie', kind: 'municipal' },
  { code: 'inkoop-sociaal-domein', name: 'Inkoop Sociaal Domein', kind: 'municipal' },
  { code: 'wonen-en-gebiedsontwikkeling', name: 'Wonen en Gebiedsontwikkeling', kind: 'municipal' },
  { code: 'meentcoop-intake', name: 'MeentCoop Intake', kind: 'meentcoop_team' },
  { code: 'meentcoop-energy', name: 'MeentCoop Energie', kind: 'meentcoop_team' },
  { code: 'meentcoop-housing', name: 'MeentCoop Wonen', kind: 'meentcoop_team' },
  {
    code: 'meentcoop-food-circular',
    name: 'MeentCoop Voedsel en Circulair',
    kind: 'meentcoop_team',
  },
  { code: 'meentcoop-care', name: 'MeentCoop Zorg en Welzijn', kind: 'meentcoop_team' },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  unit: string | null;
  domains: string[];
}

/** One user per role (two buyers in different units), and a staff member in every team. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@brug.example', name: 'Ada Beheerder', role: 'admin', unit: null, domains: [] },
  {
    email: 'buyer@brug.example',
    name: 'Bo Inkoper',
    role: 'buyer',
    unit: 'inkoop-duurzaamheid',
    domains: [],
  },
  {
    email: 'buyer2@brug.example',
    name: 'Bram de Vries',
    role: 'buyer',
    unit: 'inkoop-sociaal-domein',
    domains: [],
  },
  {
    email: 'staff@brug.example',
    name: 'Sanne Meent',
    role: 'staff',
    unit: 'meentcoop-energy',
    domains: [],
  },
  {
    email: 'staff2@brug.example',
    name: 'Samir Koppel',
    role: 'staff',
    unit: 'meentcoop-housing',
    domains: [],
  },
  // Every MeentCoop team has a member, so every routed case gets its koppel.
  {
    email: 'staff.intake@brug.example',
    name: 'Ilse Intake',
    role: 'staff',
    unit: 'meentcoop-intake',
    domains: [],
  },
  {
    email: 'staff.voedsel@brug.example',
    name: 'Vera Voedsel',
    role: 'staff',
    unit: 'meentcoop-food-circular',
    domains: [],
  },
  {
    email: 'staff.zorg@brug.example',
    name: 'Zeynep Zorg',
    role: 'staff',
    unit: 'meentcoop-care',
    domains: [],
  },
  {
    email: 'budget.energy@brug.example',
    name: 'Eva Budget',
    role: 'budget_holder',
    unit: 'inkoop-duurzaamheid',
    domains: ['energy'],
  },
  {
    email: 'budget.housing@brug.example',
    name: 'Hanna Budget',
    role: 'budget_holder',
    unit: 'wonen-en-gebiedsontwikkeling',
    domains: ['housing', 'energy-poverty'],
  },
  {
    email: 'auditor@brug.example',
    name: 'Aart Controle',
    role: 'auditor',
    unit: null,
    domains: [],
  },
];
