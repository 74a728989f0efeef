import type { TFunction } from 'i18next';

/**
 * The texts of the administrator's failed jobs, webhooks and team members pages (issue 19,
 * item 6), in Dutch and English. Plain records joined to the resources in i18n.ts, not the typed
 * locale objects: one more group there crosses i18next's type instantiation limit (TS2589). Read
 * through `sayOps`. Same keys in both (checked by test/web-texts.test.ts).
 */
interface Texts {
  [key: string]: string | Texts;
}

export const adminOpsNl: Texts = {
  failedJobsPage: 'Mislukte taken',
  failedJobsPageBody:
    'Achtergrondtaken die ook hun laatste poging niet haalden: bekijken en opnieuw starten.',
  webhooksPage: 'Webhooks',
  webhooksPageBody:
    'Systemen die gebeurtenissen van Brug ontvangen: aanmelden, wijzigen, uitzetten, en wat er bij hen is afgeleverd of mislukt.',
  failedJobs: {
    title: 'Mislukte taken',
    intro:
      'Deze achtergrondtaken zijn mislukt, ook bij hun laatste poging. Herstel eerst de oorzaak (bijvoorbeeld een systeem dat niet bereikbaar was) en start de taak dan opnieuw. Elke herstart komt in de audittrail.',
    none: 'Er zijn geen mislukte taken.',
    queue: 'Wachtrij',
    name: 'Taak',
    reason: 'Reden',
    attempts: 'Pogingen',
    failedAt: 'Mislukt op',
    retry: 'Opnieuw starten',
    retrying: 'Bezig…',
    retried: 'De taak {{name}} uit wachtrij {{queue}} staat weer klaar.',
    retryFailed: 'Deze taak is niet opnieuw gestart',
    job_not_found:
      'Deze taak staat niet (meer) bij de mislukte taken: iemand anders heeft hem al opnieuw gestart of hij is opgeruimd. De lijst is bijgewerkt.',
  },
  webhooks: {
    title: 'Webhooks',
    intro:
      'Een webhook stuurt gebeurtenissen van Brug (een zaak ingediend, een status gewijzigd, …) naar het adres van een ander systeem, ondertekend met een geheim. Webhooks worden nooit verwijderd: zet ze uit.',
    add: 'Webhook aanmelden',
    addTitle: 'Nieuwe webhook',
    editTitle: 'Webhook wijzigen: {{name}}',
    url: 'Adres (URL)',
    urlHint: 'Het adres waar Brug de gebeurtenissen naartoe stuurt, beginnend met https://.',
    description: 'Omschrijving',
    descriptionHint: 'Voor wie het systeem is, zodat collega’s de webhook herkennen.',
    eventTypes: 'Gebeurtenissen',
    eventTypesHint: 'Kies er minstens één.',
    eventTypesRequired: 'Kies minstens één gebeurtenis.',
    urlRequired: 'Vul het adres in.',
    teams: 'Alleen zaken van deze teams',
    teamsHint: 'Niets gekozen: zaken van elk team.',
    domains: 'Alleen zaken in deze domeinen',
    domainsHint: 'Niets gekozen: zaken in elk domein.',
    state: 'Staat',
    failingSince: 'Faalt sinds {{time}}',
    switchedOff: 'Door Brug uitgezet op {{time}}',
    answers: 'Werkt',
    none: 'Er zijn nog geen webhooks.',
    secretHeading: 'Het geheim van deze webhook',
    secretBody:
      'Brug toont dit geheim nu en nooit meer. Geef het aan de beheerder van het ontvangende systeem: daarmee controleert die de handtekening (de kop Brug-Signature) van elke levering.',
    secretLabel: 'Geheim',
    deliveries: 'Leveringen',
    deliveriesOf: 'Leveringen: {{name}}',
  },
  deliveries: {
    title: 'Leveringen aan {{name}}',
    intro:
      'Wat Brug aan deze webhook heeft afgeleverd of probeerde af te leveren, nieuwste eerst. Mislukte en overgeslagen leveringen kunt u opnieuw aanbieden, één voor één of allemaal die bij het filter passen.',
    close: 'Leveringen sluiten',
    filter: 'Filter',
    status: 'Status',
    eventType: 'Gebeurtenis',
    anyEventType: 'Elke gebeurtenis',
    show: 'Toon',
    attempts: 'Pogingen',
    lastError: 'Laatste fout',
    noError: 'Geen',
    createdAt: 'Aangemaakt',
    replays: 'Opnieuw aangeboden',
    none: 'Geen leveringen met deze status.',
    more: 'Meer laden',
    select: 'Kies',
    selectOne: 'Kies levering {{event}} van {{time}}',
    replaySelected: 'Gekozen leveringen opnieuw aanbieden ({{count}})',
    replayAll: 'Alle leveringen die bij het filter passen opnieuw aanbieden',
    replayed_one: '1 levering opnieuw aangeboden.',
    replayed_other: '{{count}} leveringen opnieuw aangeboden.',
    replayedMore:
      '{{count}} leveringen opnieuw aangeboden; er passen er meer bij het filter: bied ze nog eens aan.',
    replayFailed: 'Niet opnieuw aangeboden',
    nothingChosen: 'Kies eerst een of meer leveringen.',
    statuses: {
      pending: 'Wacht',
      sending: 'Wordt verstuurd',
      retrying: 'Wordt opnieuw geprobeerd',
      sent: 'Afgeleverd',
      failed: 'Mislukt',
      skipped: 'Overgeslagen',
    },
  },
  members: {
    button: 'Leden',
    buttonOf: 'Leden van {{name}}',
    title: 'Leden van {{name}}',
    intro:
      'Wie bij deze afdeling of dit team hoort. Een lid toevoegen verplaatst die persoon hierheen; de koppels van lopende zaken veranderen daardoor niet (die wijzigt u op de zaak).',
    close: 'Leden sluiten',
    none: 'Nog geen leden.',
    email: 'E-mailadres',
    role: 'Rol',
    add: 'Lid toevoegen',
    addEmail: 'E-mailadres van het nieuwe lid',
    addEmailHint: 'Iemand die al een gebruiker van Brug is.',
    emailRequired: 'Vul een e-mailadres in.',
    unknownEmail: 'Er is geen gebruiker met dit e-mailadres.',
    alreadyMember: 'Deze persoon is al lid.',
    added: '{{name}} is nu lid van {{unit}}.',
    remove: 'Uit {{unit}} halen',
    removeNamed: 'Uit {{unit}} halen: {{name}}',
    removed: '{{name}} is geen lid meer van {{unit}}.',
    failed: 'Dit is niet gewijzigd',
    more: 'Volgende leden',
  },
};

export const adminOpsEn: Texts = {
  failedJobsPage: 'Failed jobs',
  failedJobsPageBody:
    'Background jobs that failed their last attempt: look at them and run them again.',
  webhooksPage: 'Webhooks',
  webhooksPageBody:
    'Systems that receive Brug’s events: register, change, switch off, and what was delivered to them or failed.',
  failedJobs: {
    title: 'Failed jobs',
    intro:
      'These background jobs failed, their last attempt too. Fix the cause first (for instance a system that could not be reached), then run the job again. Every retry goes into the audit trail.',
    none: 'There are no failed jobs.',
    queue: 'Queue',
    name: 'Job',
    reason: 'Reason',
    attempts: 'Attempts',
    failedAt: 'Failed at',
    retry: 'Run again',
    retrying: 'Working…',
    retried: 'The job {{name}} of queue {{queue}} is waiting to run again.',
    retryFailed: 'This job was not run again',
    job_not_found:
      'This job is not (or no longer) among the failed jobs: someone else already ran it again, or it was cleaned up. The list has been refreshed.',
  },
  webhooks: {
    title: 'Webhooks',
    intro:
      'A webhook sends Brug’s events (a case filed, a status changed, …) to another system’s address, signed with a secret. Webhooks are never deleted: switch them off.',
    add: 'Register a webhook',
    addTitle: 'New webhook',
    editTitle: 'Edit webhook: {{name}}',
    url: 'Address (URL)',
    urlHint: 'The address Brug sends the events to, starting with https://.',
    description: 'Description',
    descriptionHint: 'Whom the system is for, so colleagues recognise the webhook.',
    eventTypes: 'Events',
    eventTypesHint: 'Choose at least one.',
    eventTypesRequired: 'Choose at least one event.',
    urlRequired: 'Enter the address.',
    teams: 'Only cases of these teams',
    teamsHint: 'None chosen: cases of every team.',
    domains: 'Only cases in these domains',
    domainsHint: 'None chosen: cases in every domain.',
    state: 'State',
    failingSince: 'Failing since {{time}}',
    switchedOff: 'Switched off by Brug on {{time}}',
    answers: 'Working',
    none: 'There are no webhooks yet.',
    secretHeading: 'This webhook’s secret',
    secretBody:
      'Brug shows this secret now and never again. Give it to whoever runs the receiving system: with it they check the signature (the Brug-Signature header) of every delivery.',
    secretLabel: 'Secret',
    deliveries: 'Deliveries',
    deliveriesOf: 'Deliveries: {{name}}',
  },
  deliveries: {
    title: 'Deliveries to {{name}}',
    intro:
      'What Brug delivered or tried to deliver to this webhook, newest first. Failed and skipped deliveries can be sent again, one by one or all that match the filter.',
    close: 'Close deliveries',
    filter: 'Filter',
    status: 'Status',
    eventType: 'Event',
    anyEventType: 'Any event',
    show: 'Show',
    attempts: 'Attempts',
    lastError: 'Last error',
    noError: 'None',
    createdAt: 'Created',
    replays: 'Sent again',
    none: 'No deliveries with this status.',
    more: 'Load more',
    select: 'Choose',
    selectOne: 'Choose delivery {{event}} of {{time}}',
    replaySelected: 'Send the chosen deliveries again ({{count}})',
    replayAll: 'Send every delivery matching the filter again',
    replayed_one: '1 delivery sent again.',
    replayed_other: '{{count}} deliveries sent again.',
    replayedMore:
      '{{count}} deliveries sent again; more match the filter: send them again once more.',
    replayFailed: 'Not sent again',
    nothingChosen: 'Choose one or more deliveries first.',
    statuses: {
      pending: 'Waiting',
      sending: 'Being sent',
      retrying: 'Being retried',
      sent: 'Delivered',
      failed: 'Failed',
      skipped: 'Skipped',
    },
  },
  members: {
    button: 'Members',
    buttonOf: 'Members of {{name}}',
    title: 'Members of {{name}}',
    intro:
      'Who belongs to this unit or team. Adding a member moves that person here; the koppels of open cases do not change by it (change those on the case).',
    close: 'Close members',
    none: 'No members yet.',
    email: 'Email address',
    role: 'Role',
    add: 'Add member',
    addEmail: 'Email address of the new member',
    addEmailHint: 'Someone who is already a Brug user.',
    emailRequired: 'Enter an email address.',
    unknownEmail: 'There is no user with this email address.',
    alreadyMember: 'This person is already a member.',
    added: '{{name}} is now a member of {{unit}}.',
    remove: 'Remove from {{unit}}',
    removeNamed: 'Remove from {{unit}}: {{name}}',
    removed: '{{name}} is no longer a member of {{unit}}.',
    failed: 'This was not changed',
    more: 'Next members',
  },
};

/** `t` with a key of these texts (`failedJobs.title` reaches into the group). */
export function sayOps(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(
    `adminOps.${key}`,
    params,
  );
}
