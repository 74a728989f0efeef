import type { CaseStatus } from '../../cases/case-transitions';

const STATUS: Record<CaseStatus, { nl: string; en: string }> = {
  filed: { nl: 'ingediend', en: 'filed' },
  routed: { nl: 'doorgezet naar MeentCoop', en: 'routed to MeentCoop' },
  accepted: { nl: 'aangenomen', en: 'accepted' },
  in_progress: { nl: 'in behandeling', en: 'in progress' },
  proposed: { nl: 'voorstel gedaan', en: 'proposal made' },
  resolved: { nl: 'opgelost', en: 'resolved' },
  declined: { nl: 'afgewezen', en: 'declined' },
  withdrawn: { nl: 'ingetrokken', en: 'withdrawn' },
};

const STAGE = {
  accept: { nl: 'aannemen', en: 'accept' },
  propose: { nl: 'voorstel doen', en: 'propose' },
} as const;

export interface Mail {
  subject: string;
  text: string;
}

export interface CaseRef {
  id: string;
  reference: string;
  title: string;
}

const link = (base: string, c: CaseRef) => `${base}/cases/${c.id}`;
const when = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

/** To the buyer who filed: a status change of their case (Dutch, with a short English line). */
export function statusChangeMail(
  base: string,
  c: CaseRef,
  name: string,
  change: { from: CaseStatus | null; to: CaseStatus; reason?: string | null },
): Mail {
  const to = STATUS[change.to];
  const from = change.from ? STATUS[change.from] : null;
  return {
    subject: `[Brug] ${c.reference}: ${to.nl}`,
    text: [
      `Beste ${name},`,
      '',
      `Uw zaak ${c.reference} "${c.title}" heeft een nieuwe status: ${to.nl}${from ? ` (was: ${from.nl})` : ''}.`,
      ...(change.reason ? ['', `Toelichting: ${change.reason}`] : []),
      '',
      `Bekijk de zaak: ${link(base, c)}`,
      '',
      `English: your case ${c.reference} is now ${to.en}${from ? ` (was ${from.en})` : ''}.`,
    ].join('\n'),
  };
}

/** To the staff of the team a case was routed to. */
export function routedToTeamMail(base: string, c: CaseRef, team: string): Mail {
  return {
    subject: `[Brug] Nieuwe zaak voor ${team}: ${c.reference}`,
    text: [
      `Zaak ${c.reference} "${c.title}" is doorgezet naar ${team}.`,
      `Neem de zaak aan in de werkvoorraad: ${link(base, c)}`,
      '',
      `English: case ${c.reference} was routed to ${team}.`,
    ].join('\n'),
  };
}

/** To the team: a deadline passed (breached) or is near (warning). */
export function deadlineMail(
  base: string,
  c: CaseRef,
  kind: 'breached' | 'warning',
  stage: 'accept' | 'propose',
  dueAt: string,
): Mail {
  const s = STAGE[stage];
  return kind === 'breached'
    ? {
        subject: `[Brug] Termijn verstreken: ${c.reference}`,
        text: [
          `De termijn om te ${s.nl} voor zaak ${c.reference} "${c.title}" is verstreken (${when(dueAt)}).`,
          'De prioriteit is verhoogd.',
          link(base, c),
          '',
          `English: the deadline to ${s.en} case ${c.reference} has passed; its priority was raised.`,
        ].join('\n'),
      }
    : {
        subject: `[Brug] Termijn verloopt binnenkort: ${c.reference}`,
        text: [
          `De termijn om te ${s.nl} voor zaak ${c.reference} "${c.title}" verloopt op ${when(dueAt)}.`,
          link(base, c),
          '',
          `English: the deadline to ${s.en} case ${c.reference} is near.`,
        ].join('\n'),
      };
}

const WAITING_FOR: Record<string, { nl: string; en: string }> = {
  waiting_for_buyer: { nl: 'wacht op u', en: 'waits for you' },
  waiting_for_funding: { nl: 'wacht op financiering', en: 'waits for funding' },
  waiting_for_third_party: { nl: 'wacht op een derde partij', en: 'waits for a third party' },
  other: { nl: 'wacht', en: 'waits' },
};

const day = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/**
 * To the buyer who filed: the SLA clock of their case stopped, why, and (when waiting for them)
 * that their answer restarts it (ADR 26). Dutch, with the same in English, as every mail.
 */
export function clockSuspendedMail(
  base: string,
  c: CaseRef,
  name: string,
  suspension: { kind: string; reason: string; expectedEnd: string | null },
): Mail {
  const waits = WAITING_FOR[suspension.kind] ?? WAITING_FOR.other!;
  const forBuyer = suspension.kind === 'waiting_for_buyer';
  return {
    subject: `[Brug] ${c.reference}: termijn opgeschort`,
    text: [
      `Beste ${name},`,
      '',
      `De termijn van uw zaak ${c.reference} "${c.title}" is opgeschort: de zaak ${waits.nl}.`,
      '',
      `Reden: ${suspension.reason}`,
      ...(suspension.expectedEnd ? [`Verwacht tot: ${day(suspension.expectedEnd)}`] : []),
      ...(forBuyer
        ? ['', 'Zodra u reageert met een notitie bij de zaak, loopt de termijn weer verder.']
        : []),
      '',
      `Bekijk de zaak: ${link(base, c)}`,
      '',
      `English: the deadline of your case ${c.reference} is suspended: the case ${waits.en}. Reason: ${suspension.reason}${
        forBuyer ? ' The clock restarts as soon as you add a note to the case.' : ''
      }`,
    ].join('\n'),
  };
}

const euro = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);

/**
 * To the budget holders of the domains a co-funding proposal asks (issue 18, ADR 36): what is
 * asked is on the case, where they accept or decline it. Dutch, with the same in English.
 */
export function cofundingProposedMail(base: string, c: CaseRef, proposalId: string): Mail {
  return {
    subject: `[Brug] ${c.reference}: verzoek om cofinanciering`,
    text: [
      `Voor zaak ${c.reference} "${c.title}" vraagt MeentCoop uw domein om mee te betalen naar rato van de baat die het heeft.`,
      `Bekijk het voorstel en neem het aan of wijs het af (met een reden): ${link(base, c)}`,
      '',
      `English: for case ${c.reference}, MeentCoop asks your domain to pledge its part of the cost, in proportion to its benefit. Accept or decline (with a reason) on the case page.`,
      '',
      `(${proposalId})`,
    ].join('\n'),
  };
}

/** To a domain's budget holders: consent asked to move a duplicate's pledge (ADR 44). */
export function pledgeTransferRequestedMail(
  base: string,
  c: CaseRef,
  domainCode: string,
  amountCents: number,
): Mail {
  return {
    subject: `[Brug] ${c.reference}: toezegging verplaatsen?`,
    text: [
      `Zaak ${c.reference} "${c.title}" is gesloten als dubbel van een andere zaak. De toezegging van ${domainCode} (${euro(amountCents, 'nl-NL')}) blijft staan tot u toestemt haar naar de zaak die doorgaat te verplaatsen, of dat weigert: ${link(base, c)}`,
      '',
      `English: case ${c.reference} was closed as a duplicate of another case. The pledge of ${domainCode} (${euro(amountCents, 'en-GB')}) stays until you consent to moving it to the case that goes on, or decline, on the case page.`,
    ].join('\n'),
  };
}

/** To the buyer: their case was closed as a duplicate of another, which goes on (ADR 44). */
export function closedAsDuplicateMail(base: string, c: CaseRef, survivor: CaseRef): Mail {
  return {
    subject: `[Brug] ${c.reference}: gesloten als dubbel`,
    text: [
      `Uw zaak ${c.reference} "${c.title}" is gesloten als dubbel van ${survivor.reference} "${survivor.title}". Het werk gaat daar verder: ${link(base, survivor)}`,
      '',
      `English: your case ${c.reference} was closed as a duplicate of ${survivor.reference}; the work goes on there.`,
    ].join('\n'),
  };
}

/** To the team and the domain's budget holders: a pledge expired and Brug released it. */
export function pledgeExpiredMail(
  base: string,
  c: CaseRef,
  domainCode: string,
  amountCents: number,
): Mail {
  return {
    subject: `[Brug] ${c.reference}: toezegging verlopen`,
    text: [
      `De toezegging van ${domainCode} voor zaak ${c.reference} "${c.title}" is verlopen zonder te zijn vastgelegd.`,
      `Brug heeft ${euro(amountCents, 'nl-NL')} vrijgegeven.`,
      link(base, c),
      '',
      `English: the pledge of ${domainCode} for case ${c.reference} expired without being committed; Brug released ${euro(amountCents, 'en-GB')}.`,
    ].join('\n'),
  };
}

/** To a buyer (the signals inbox, ADR 40): a proposal waits for them to accept or decline. */
export function proposalAwaitingMail(base: string, c: CaseRef): Mail {
  return {
    subject: `[Brug] ${c.reference}: voorstel wacht op uw akkoord`,
    text: [
      `Voor zaak ${c.reference} "${c.title}" heeft MeentCoop een voorstel gedaan. Neem het aan of wijs het af: ${link(base, c)}`,
      '',
      `English: MeentCoop made a proposal for case ${c.reference}; accept or decline it on the case page.`,
    ].join('\n'),
  };
}

/** To the MeentCoop contact staff named for a case (the signals inbox, ADR 40). */
export function assignedToYouMail(base: string, c: CaseRef): Mail {
  return {
    subject: `[Brug] Zaak aan u toegewezen: ${c.reference}`,
    text: [
      `Zaak ${c.reference} "${c.title}" is aan u toegewezen.`,
      link(base, c),
      '',
      `English: case ${c.reference} was assigned to you.`,
    ].join('\n'),
  };
}

/** To the people of a case (the signals inbox, ADR 40): a note shared with the municipality. */
export function noteSharedMail(base: string, c: CaseRef): Mail {
  return {
    subject: `[Brug] ${c.reference}: nieuwe notitie`,
    text: [
      `Bij zaak ${c.reference} "${c.title}" is een notitie geplaatst.`,
      link(base, c),
      '',
      `English: a note was added to case ${c.reference}.`,
    ].join('\n'),
  };
}

/**
 * To the administrators: a webhook has failed for an hour without one success (issue 20, ADR 41).
 * Once per failing episode; its deliveries keep being retried meanwhile.
 */
export function webhookFailingMail(
  base: string,
  hook: { id: string; url: string },
  failingSince: string,
  lastError: string,
): Mail {
  return {
    subject: `[Brug] Webhook faalt sinds ${when(failingSince)}`,
    text: [
      `De webhook ${hook.url} (${hook.id}) neemt sinds ${when(failingSince)} geen berichten meer aan.`,
      `Laatste fout: ${lastError}`,
      'Brug probeert elke levering tot 24 uur lang opnieuw; daarna blijft die mislukt staan en kunt u hem opnieuw aanbieden.',
      `${base}/admin/queue-board`,
      '',
      `English: the webhook ${hook.url} has failed since ${failingSince} (last error: ${lastError}). Brug retries every delivery for up to 24 hours; after that it stays failed until replayed (POST /api/v1/admin/deliveries/replay).`,
    ].join('\n'),
  };
}

/** To the administrators: a webhook answered 410 Gone and Brug switched it off. */
export function webhookSwitchedOffMail(hook: { id: string; url: string }, reason: string): Mail {
  return {
    subject: `[Brug] Webhook uitgezet: ${hook.url}`,
    text: [
      `De webhook ${hook.url} (${hook.id}) antwoordde "${reason}": de ontvanger bestaat niet meer. Brug heeft de webhook uitgezet.`,
      'Zet hem weer aan (PATCH /api/v1/webhooks/{id} met active: true) als dat een vergissing was, en bied de overgeslagen leveringen opnieuw aan.',
      '',
      `English: the webhook ${hook.url} answered "${reason}", so Brug switched it off. Switch it on again if that was a mistake, and replay the skipped deliveries.`,
    ].join('\n'),
  };
}
