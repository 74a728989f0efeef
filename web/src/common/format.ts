/**
 * Numbers, money and dates are always shown the Dutch way (nl-NL), whatever the language of the
 * interface: these are the City's figures, and an English reader at the City reads them so too.
 */
const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const EURO_WHOLE = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const NUMBER = new Intl.NumberFormat('nl-NL');
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** Euro cents (an integer) as "€ 1.200.000,00". */
export function formatEuro(cents: number): string {
  return EURO.format(cents / 100);
}

/** Euro cents rounded to whole euros, for charts and tight tables. */
export function formatEuroWhole(cents: number): string {
  return EURO_WHOLE.format(Math.round(cents / 100));
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A share from 0 to 1 as "35%". */
export function formatPercent(share: number): string {
  return PERCENT.format(share);
}

/** A calendar date ("2027-03-01") as "1 maart 2027", without any time-zone shift. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return formatDateTimeAs(DATE, date);
  const [, y, m, d] = match;
  // Noon UTC is the same calendar day in Amsterdam.
  return DATE.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)));
}

/** A timestamp as "1 mrt 2027 14:05" in Amsterdam time. */
export function formatDateTime(timestamp: string): string {
  return formatDateTimeAs(DATE_TIME, timestamp);
}

function formatDateTimeAs(format: Intl.DateTimeFormat, value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}

/**
 * Reads an amount in euros as typed by a person ("450.000", "450000,50", "€ 1.200.000") and
 * returns whole cents, or null when it is not an amount. Integer arithmetic only: no float ever
 * touches the cents.
 */
export function parseEuroToCents(input: string): number | null {
  const text = input.replace(/[€\s\u00a0]/g, '');
  if (text === '') return null;
  let whole: string;
  let fraction = '';
  const comma = text.lastIndexOf(',');
  if (comma >= 0) {
    whole = text.slice(0, comma);
    fraction = text.slice(comma + 1);
    if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(whole)) return null;
    whole = whole.replace(/\./g, '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    whole = text.replace(/\./g, ''); // Dutch thousands separators: 450.000
  } else if (/^\d+\.\d{1,2}$/.test(text)) {
    [whole = '', fraction = ''] = text.split('.'); // a decimal point: 450.5
  } else if (/^\d+$/.test(text)) {
    whole = text;
  } else {
    return null;
  }
  if (!/^\d{0,2}$/.test(fraction) || whole === '') return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the text a person would type back in ("450000" or "450000,50"). */
export function centsToInput(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}
