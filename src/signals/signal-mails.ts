import type { Mail } from '../workflow/notifications/messages';
import type { SignalKind } from './signal-kinds';

/** What a signal says, in Dutch and English (the mails, as every mail, carry both). */
export const KIND_WORDS: Record<SignalKind, { nl: string; en: string }> = {
  case_assigned: { nl: 'Zaak toegewezen', en: 'Case assigned' },
  deadline_due_soon: { nl: 'Termijn verloopt binnenkort', en: 'Deadline near' },
  deadline_breached: { nl: 'Termijn verstreken', en: 'Deadline passed' },
  proposal_awaiting: { nl: 'Voorstel wacht op uw akkoord', en: 'Proposal awaits you' },
  funding_requested: { nl: 'Verzoek om bijdrage', en: 'Funding requested' },
  note_shared: { nl: 'Nieuwe notitie', en: 'New note' },
  closed_as_duplicate: { nl: 'Zaak gesloten als dubbel', en: 'Case closed as a duplicate' },
};

export interface DigestLine {
  kind: SignalKind;
  caseId: string;
  reference: string;
  title: string;
}

/** The daily digest: a line per signal (the newest, at most a page), and how many in all. */
export function digestMail(
  base: string,
  name: string,
  day: string,
  lines: DigestLine[],
  total: number,
): Mail {
  const more = total - lines.length;
  return {
    subject: `[Brug] Uw signaleringen van ${day}: ${total}`,
    text: [
      `Beste ${name},`,
      '',
      `Dit zijn uw signaleringen (${total}):`,
      '',
      ...lines.map(
        (l) => `- ${KIND_WORDS[l.kind].nl}: ${l.reference} "${l.title}" ${base}/cases/${l.caseId}`,
      ),
      ...(more > 0 ? ['', `En nog ${more}: ${base}/signals`] : []),
      '',
      `Alle signaleringen: ${base}/signals`,
      '',
      `English: your ${total} signals of ${day}: ${lines
        .map((l) => `${KIND_WORDS[l.kind].en} (${l.reference})`)
        .join(', ')}${more > 0 ? `, and ${more} more` : ''}.`,
    ].join('\n'),
  };
}
