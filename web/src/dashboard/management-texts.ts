import type { TFunction } from 'i18next';

/**
 * The texts of the management dashboard (issue 19, item 5), in Dutch and English. Plain records
 * joined to the resources in i18n.ts, not the typed locale objects: one more group there crosses
 * i18next's type instantiation limit (TS2589). Read through `sayManagement`. Same keys in both.
 */
type Texts = Record<string, string | Record<string, string>>;

export const managementNl: Texts = {
  heading: 'Management: zaken per team, behandelaar, domein en week',
  intro:
    'Over de periode die u kiest: zaken ingediend, opgelost, open aan het eind, te laat (een SLA-fase die in de periode afliep en niet gehaald is) en opgeschort, het verloop per week, de mediane doorlooptijd per fase en de SLA-naleving per team. Geteld door Brug over elke zaak die u mag zien.',
  period: 'Periode',
  from: 'Van',
  to: 'Tot en met',
  show: 'Toon',
  dateInvalid: 'Vul een datum in.',
  toBeforeFrom: 'Het einde moet op of na het begin liggen.',
  tooLong: 'De periode is hoogstens twee jaar.',
  totals:
    'In de periode: {{incoming}} ingediend, {{resolved}} opgelost, {{open}} open aan het eind, {{overdue}} te laat, {{suspended}} opgeschort.',
  incoming: 'Ingediend',
  resolved: 'Opgelost',
  open: 'Open',
  overdue: 'Te laat',
  suspended: 'Opgeschort',
  trendTitle: 'Zaken per week',
  trendDescription:
    '{{weeks}} weken: {{incoming}} zaken ingediend, {{resolved}} opgelost, {{open}} open aan het eind van de periode.',
  trendCaption:
    'Per ISO-week: ingediende (blauw) en opgeloste (groen) zaken als balken, open zaken aan het eind van de week als lijn.',
  week: 'Week',
  teams: 'Per team',
  handlers: 'Per behandelaar',
  domains: 'Per hoofddomein',
  handler: 'Behandelaar',
  domain: 'Domein',
  noHandler: 'Geen behandelaar',
  noDomain: 'Geen hoofddomein',
  none: 'Geen zaken in deze periode.',
  stages: 'Mediane doorlooptijd per fase',
  stage: 'Fase',
  cases: 'Zaken',
  median: 'Mediaan',
  days: '{{days}} dagen',
  stageNames: {
    filed_accepted: 'Ingediend → aangenomen',
    accepted_proposed: 'Aangenomen → voorstel',
    proposed_resolved: 'Voorstel → opgelost',
  },
  sla: 'SLA-naleving per team',
  met: 'Gehaald',
  breached: 'Niet gehaald',
  compliance: 'Naleving',
  csv: '„{{table}}” downloaden als CSV',
};

export const managementEn: Texts = {
  heading: 'Management: cases per team, handler, domain and week',
  intro:
    'Over the period you choose: cases filed, resolved, open at the end, overdue (an SLA stage due in the period and missed) and suspended, the trend per week, the median time per stage and SLA compliance per team. Counted by Brug over every case you may see.',
  period: 'Period',
  from: 'From',
  to: 'To',
  show: 'Show',
  dateInvalid: 'Enter a date.',
  toBeforeFrom: 'The end must be on or after the start.',
  tooLong: 'The period is at most two years.',
  totals:
    'In the period: {{incoming}} filed, {{resolved}} resolved, {{open}} open at the end, {{overdue}} overdue, {{suspended}} suspended.',
  incoming: 'Filed',
  resolved: 'Resolved',
  open: 'Open',
  overdue: 'Overdue',
  suspended: 'Suspended',
  trendTitle: 'Cases per week',
  trendDescription:
    '{{weeks}} weeks: {{incoming}} cases filed, {{resolved}} resolved, {{open}} open at the end of the period.',
  trendCaption:
    'Per ISO week: filed (blue) and resolved (green) cases as bars, open cases at the end of the week as a line.',
  week: 'Week',
  teams: 'Per team',
  handlers: 'Per handler',
  domains: 'Per lead domain',
  handler: 'Handler',
  domain: 'Domain',
  noHandler: 'No handler',
  noDomain: 'No lead domain',
  none: 'No cases in this period.',
  stages: 'Median time per stage',
  stage: 'Stage',
  cases: 'Cases',
  median: 'Median',
  days: '{{days}} days',
  stageNames: {
    filed_accepted: 'Filed → accepted',
    accepted_proposed: 'Accepted → proposed',
    proposed_resolved: 'Proposed → resolved',
  },
  sla: 'SLA compliance per team',
  met: 'Met',
  breached: 'Missed',
  compliance: 'Compliance',
  csv: 'Download “{{table}}” as CSV',
};

/** `t` with a key of the management texts (`stageNames.filed_accepted` reaches into the group). */
export function sayManagement(
  t: TFunction,
  key: string,
  params: Record<string, unknown> = {},
): string {
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(
    `management.${key}`,
    params,
  );
}
