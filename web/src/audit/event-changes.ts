import i18next, { type TFunction } from 'i18next';
import type { Schemas } from '../api/client';
import { formatDate, formatDateTime, formatEuro, formatNumber } from '../common/format';

type Event = Schemas['AuditEventDto'];
type References = Schemas['AuditEventListDto']['references'];

/**
 * One line of what an event changed or recorded: a field's label with its old and new value, or
 * with its value, or with lines of its own (an outcome, the balances after a funding entry).
 */
export interface ChangeLine {
  key: string;
  label: string;
  old?: string;
  new?: string;
  value?: string;
  lines?: ChangeLine[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LONG_TEXT = 300;
const MANY = 10;

/** Keys of data holding domain codes (as the API resolves them). */
const DOMAIN_KEYS = new Set(['domainCode', 'domains', 'leadDomains', 'anyDomains']);

/** Recorded for the chain or shown elsewhere in the row: not a line of its own. */
const SKIPPED = new Set(['seq', 'reference']);

/** What a person looks for first; other fields follow in the stored (alphabetical) order. */
const FIRST = [
  'change',
  'kind',
  'from',
  'to',
  'domainCode',
  'amountCents',
  'releaseFrom',
  'pledgeConvertedCents',
  'budgetLine',
  'title',
  'estimatedValueCents',
  'priority',
  'deadline',
  'domains',
  'teamId',
  'koppelMeentcoopId',
  'koppelMunicipalId',
  'reason',
  'pledgedCents',
  'committedCents',
  'disbursedCents',
];

/** The stored order (alphabetical) with what a person looks for first, first. */
function ordered(keys: string[]): string[] {
  const rank = (key: string) => {
    const i = FIRST.indexOf(key);
    return i < 0 ? FIRST.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

/** A value that says nothing on its own line: nothing recorded, or no pledge converted. */
const isEmpty = (key: string, value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (key === 'pledgeConvertedCents' && value === 0);

/** Where the words of a coded value are, by the field it is in. */
const VALUE_WORDS: Record<string, string> = {
  from: 'status',
  to: 'status',
  status: 'status',
  priority: 'priority',
  priorities: 'priority',
  procurementStage: 'stage',
  visibility: 'notes.visibility',
  role: 'roles',
  stage: 'sla.stage',
  supplierType: 'supplierType',
  releaseFrom: 'audit.changes.values.releaseFrom',
  change: 'audit.changes.values.change',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isOldNew = (v: unknown): v is { old: unknown; new: unknown } =>
  isObject(v) && 'old' in v && 'new' in v && Object.keys(v).length === 2;

/** Says an event's data in words: labels, statuses, euros, dates, people and domains by name. */
export class EventDescriber {
  constructor(
    private readonly t: TFunction,
    private readonly references: References,
    private readonly language: string,
  ) {}

  /** `t` with a key built at run time, or the fallback when there are no words for it. */
  private word(key: string, fallback: string, params: Record<string, unknown> = {}): string {
    if (!i18next.exists(key)) return fallback;
    return (this.t as unknown as (k: string, o: Record<string, unknown>) => string)(key, params);
  }

  label(key: string): string {
    return this.word(`audit.changes.fields.${key}`, key);
  }

  /** The name behind an id or a domain code, in the interface language; undefined if none. */
  nameOf(key: string): string | undefined {
    const found = this.references[key] ?? this.references[key.toLowerCase()];
    if (!found) return undefined;
    return found.kind === 'domain' && this.language === 'en'
      ? (found.nameEn ?? found.name)
      : found.name;
  }

  /** The lines of an event, most telling first. */
  lines(event: Event): ChangeLine[] {
    if (!event.data) {
      // Erased (Archiefwet, AVG): the envelope and its hash stay, the data is gone.
      const basis = event.erased?.basis ?? '';
      return [
        {
          key: 'erased',
          label: this.word('audit.changes.erased', 'Erased'),
          value: this.word(`audit.changes.erasureBasis.${basis}`, basis),
        },
      ];
    }
    const data = event.data;
    const lines: ChangeLine[] = [];
    for (const key of ordered(Object.keys(data))) {
      const value = data[key];
      if (SKIPPED.has(key)) continue;
      if (key === 'to' && 'from' in data) continue; // said with `from`
      if (key === 'from' && 'to' in data) {
        // A status change, or (case.assigned) a change of assignee.
        const field = event.action === 'case.assigned' ? 'assignee' : 'status';
        lines.push({
          key: field,
          label: this.label(field),
          old: this.text(field, value, event),
          new: this.text(field, data.to, event),
        });
        continue;
      }
      if (key === 'to') {
        lines.push({
          key: 'status',
          label: this.label('status'),
          value: this.text('to', value, event),
        });
        continue;
      }
      if (key === 'changes' && isObject(value)) {
        for (const [field, change] of Object.entries(value))
          lines.push(this.line(field, change, event));
        continue;
      }
      if (!isEmpty(key, value)) lines.push(this.line(key, value, event));
    }
    return lines;
  }

  private line(key: string, value: unknown, event: Event): ChangeLine {
    const label = this.label(key);
    if (isOldNew(value)) {
      return {
        key,
        label,
        old: this.text(key, value.old, event),
        new: this.text(key, value.new, event),
      };
    }
    if (isObject(value) && !DOMAIN_KEYS.has(key)) {
      return {
        key,
        label,
        lines: ordered(Object.keys(value))
          .filter((k) => !isEmpty(k, value[k]))
          .map((k) => this.line(k, value[k], event)),
      };
    }
    return { key, label, value: this.text(key, value, event) };
  }

  /** One value in words. */
  text(key: string, value: unknown, event: Event): string {
    if (value === null || value === undefined || value === '') return this.t('audit.changes.none');
    if (typeof value === 'boolean') return this.t(value ? 'audit.changes.yes' : 'audit.changes.no');
    if (typeof value === 'number') {
      return key.endsWith('Cents') ? formatEuro(value) : formatNumber(value);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return this.t('audit.changes.none');
      const shown = value.slice(0, MANY).map((item) => this.text(key, item, event));
      const rest = value.length - shown.length;
      return rest > 0
        ? `${shown.join(', ')} ${this.t('audit.changes.more', { count: rest })}`
        : shown.join(', ');
    }
    if (isObject(value)) {
      // A domain of a filed case: { code, role }.
      if (DOMAIN_KEYS.has(key) && typeof value.code === 'string') {
        const name = this.nameOf(value.code) ?? value.code;
        const role = typeof value.role === 'string' ? value.role : '';
        return role ? `${name} (${this.word(`domainRole.${role}`, role).toLowerCase()})` : name;
      }
      return JSON.stringify(value);
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (DOMAIN_KEYS.has(key)) return this.nameOf(text) ?? text;
    if (UUID.test(text)) return this.nameOf(text) ?? text;
    const words = this.valueWords(key, text, event);
    if (words) return words;
    if (DATE.test(text)) return formatDate(text);
    if (TIMESTAMP.test(text)) return formatDateTime(text);
    return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT - 1)}…` : text;
  }

  /** The words of a coded value, where the field says which code it is. */
  private valueWords(key: string, text: string, event: Event): string | undefined {
    let base = VALUE_WORDS[key];
    if (key === 'kind') {
      base = event.action === 'case.koppel_changed' ? 'koppel.kind' : 'funding.kinds';
    }
    if (key === 'reason' && event.action === 'funding.entry_recorded') base = 'funding.reasons';
    if (!base) return undefined;
    const full = `${base}.${text}`;
    return i18next.exists(full) ? this.word(full, text) : undefined;
  }

  /** What the event is about, when it is not a case: "Gebruiker Ada Beheerder". */
  subject(event: Event): string {
    const data = event.data ?? {};
    const named =
      this.nameOf(event.subjectId) ??
      (event.subjectType === 'sla_policy'
        ? this.word(`priority.${event.subjectId}`, event.subjectId).toLowerCase()
        : undefined) ??
      (typeof data.name === 'string' ? data.name : undefined) ??
      (typeof data.url === 'string' ? data.url : undefined) ??
      (typeof data.email === 'string' ? data.email : undefined) ??
      event.subjectId;
    return this.word(
      `audit.changes.subjects.${event.subjectType}`,
      `${event.subjectType} ${named}`,
      {
        name: named,
      },
    );
  }
}
