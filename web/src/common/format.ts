import i18next from 'i18next';

/**
 * Numbers, money and dates follow the language of the interface: Dutch (nl-NL: "€ 1.234,56",
 * "1 juni 2027") and British English (en-GB: "€1,234.56", "1 June 2027"). en-GB rather than
 * en-US because it keeps the day before the month, as everyone at the City writes a date, and
 * the euro sign in front, as Brug's amounts are always euros. Times are always Amsterdam's.
 */
export type FormatLanguage = 'nl' | 'en';

const LOCALE: Record<FormatLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The interface's language now (i18next), Dutch when it is anything else. */
export function currentLanguage(): FormatLanguage {
  return i18next.language === 'en' ? 'en' : 'nl';
}

interface Formats {
  euro: Intl.NumberFormat;
  euroWhole: Intl.NumberFormat;
  number: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
}

const formats = new Map<FormatLanguage, Formats>();

/** Intl formatters are costly to make: one set per language, made when first needed. */
function formatsOf(language: FormatLanguage = currentLanguage()): Formats {
  let found = formats.get(language);
  if (!found) {
    const locale = LOCALE[language];
    found = {
      euro: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
      euroWhole: new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }),
      number: new Intl.NumberFormat(locale),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
      date: new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Amsterdam',
      }),
      dateTime: new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Amsterdam',
      }),
    };
    formats.set(language, found);
  }
  return found;
}

/** Euro cents (an integer) as "€ 1.200.000,00" (nl) or "€1,200,000.00" (en). */
export function formatEuro(cents: number): string {
  return formatsOf().euro.format(cents / 100);
}

/** Euro cents rounded to whole euros, for charts and tight tables. */
export function formatEuroWhole(cents: number): string {
  return formatsOf().euroWhole.format(Math.round(cents / 100));
}

export function formatNumber(value: number): string {
  return formatsOf().number.format(value);
}

/** A share from 0 to 1 as "35%". */
export function formatPercent(share: number): string {
  return formatsOf().percent.format(share);
}

/** A calendar date ("2027-03-01") as "1 maart 2027" / "1 March 2027", without a time-zone shift. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return formatDateTimeAs(formatsOf().date, date);
  const [, y, m, d] = match;
  // Noon UTC is the same calendar day in Amsterdam.
  return formatsOf().date.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)));
}

/** A timestamp as "1 mrt 2027 14:05" / "1 Mar 2027, 14:05" in Amsterdam time. */
export function formatDateTime(timestamp: string): string {
  return formatDateTimeAs(formatsOf().dateTime, timestamp);
}

function formatDateTimeAs(format: Intl.DateTimeFormat, value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}

/** How each language writes the parts of an amount. */
const SEPARATORS: Record<FormatLanguage, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads an amount in euros as typed by a person and returns whole cents, or null when it is not
 * an amount. In Dutch "450.000", "450000,50", "€ 1.200.000"; in English "450,000",
 * "450000.50", "€1,200,000". Whatever could be read two ways ("450.000" in English) is refused,
 * not guessed. Integer arithmetic only: no float ever touches the cents.
 */
export function parseEuroToCents(
  input: string,
  language: FormatLanguage = currentLanguage(),
): number | null {
  const { group, decimal } = SEPARATORS[language];
  const g = escape(group);
  const text = input.replace(/[€\s\u00a0]/g, '');
  if (text === '') return null;
  const grouped = new RegExp(`^\\d{1,3}(${g}\\d{3})+$`);
  let whole: string;
  let fraction = '';
  const point = text.lastIndexOf(decimal);
  if (point >= 0) {
    whole = text.slice(0, point);
    fraction = text.slice(point + 1);
    if (!grouped.test(whole) && !/^\d+$/.test(whole)) return null;
    whole = whole.split(group).join('');
  } else if (grouped.test(text)) {
    whole = text.split(group).join(''); // thousands separators: 450.000 / 450,000
  } else if (new RegExp(`^\\d+${g}\\d{1,2}$`).test(text)) {
    [whole = '', fraction = ''] = text.split(group); // the other decimal mark: 450.5 / 450,5
  } else if (/^\d+$/.test(text)) {
    whole = text;
  } else {
    return null;
  }
  if (!/^\d{0,2}$/.test(fraction) || whole === '') return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the text a person would type back in ("450000" or "450000,50" / "450000.50"). */
export function centsToInput(cents: number, language: FormatLanguage = currentLanguage()): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  const { decimal } = SEPARATORS[language];
  return rest === 0 ? String(whole) : `${whole}${decimal}${String(rest).padStart(2, '0')}`;
}

/** The separator of a typed date: 01-06-2027 in Dutch, 01/06/2027 in English. */
const DATE_SEPARATOR: Record<FormatLanguage, string> = { nl: '-', en: '/' };

/**
 * Reads a date typed day first (as the field's hint shows: DD-MM-JJJJ, DD/MM/YYYY) and returns
 * it as the API's "2027-06-01", or null when it is not a date of the calendar. Both languages
 * put the day first, so "01-06-2027", "1/6/2027", "01.06.2027" and "01062027" are all 1 June;
 * a two-digit year, a month first or 31 February are refused, never guessed.
 */
export function parseDateInput(input: string): string | null {
  const text = input.trim();
  const match =
    /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text) ?? /^(\d{2})()(\d{2})(\d{4})$/.exec(text);
  if (!match) return null;
  const [, d = '', , m = '', y = ''] = match;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1000 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The API's "2027-06-01" as a person types it: "01-06-2027" (nl) or "01/06/2027" (en). */
export function dateToInput(date: string, language: FormatLanguage = currentLanguage()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y = '', m = '', d = ''] = match;
  const s = DATE_SEPARATOR[language];
  return `${d}${s}${m}${s}${y}`;
}
