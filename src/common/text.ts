import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { Optional } from './validators';

/**
 * The one text policy (ADR 15). Every free-text field of every DTO is declared with
 * `@SingleLineText` (titles, names, reasons, references) or `@MultiLineText` (notes,
 * descriptions, proposals); the validation pipe's walk has already refused lone surrogates and
 * NUL in every string of the input. Messages start with a stable text from TEXT_MESSAGES; the
 * character found follows in brackets (an invisible one cannot be found otherwise).
 */
export const TEXT_MESSAGES = {
  loneSurrogate: 'must not contain a lone surrogate (it is not valid Unicode text)',
  blank: 'must not be blank (only spaces or invisible characters)',
  lineBreak: 'must be a single line (no line breaks or tabs)',
  control: 'must not contain control characters',
  bidi: 'must not contain bidirectional control characters',
  invisible: 'must not contain zero-width or other invisible formatting characters',
} as const;

/** A UTF-16 surrogate that is not half of a pair: JSON allows it, Unicode text does not. */
export const LONE_SURROGATE = /\p{Cs}/u;

/** Line breaks and tabs: allowed in multi-line text only. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/u;
/** C0 and C1 controls besides tab, LF and CR (NUL never reaches here: the walk refuses it). */
const CONTROLS_MULTI_LINE = /[^\P{Cc}\t\n\r]/u;
/** Embeddings, overrides and isolates: they reorder what a reader sees (e.g. U+202E). */
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/u;
/** The above plus the direction marks, which single-line fields refuse too. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** Format characters (zero-width space and joiners, word joiner, BOM, soft hyphen, tags…). */
const FORMAT = /\p{Cf}/u;
/**
 * Text that shows nothing: white space, controls, format characters, lone combining marks and
 * the Hangul and Braille fillers that render as blanks.
 */
const ONLY_INVISIBLE =
  /^[\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

export type TextKind = 'single-line' | 'multi-line';

const codePoint = (match: RegExpExecArray): string =>
  `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text breaks the policy: the `reason` param of the field error `invalid_text`. */
export type TextReason = keyof typeof TEXT_MESSAGES;

/** What is wrong with a text, and the character found (U+XXXX) where one was, or null. */
export function textIssue(
  text: string,
  kind: TextKind,
  required: boolean,
): { reason: TextReason; char?: string } | null {
  if (LONE_SURROGATE.test(text)) return { reason: 'loneSurrogate' };
  if (required && text.length > 0 && ONLY_INVISIBLE.test(text)) return { reason: 'blank' };
  const checks: [TextReason, RegExp][] =
    kind === 'single-line'
      ? [
          ['lineBreak', LINE_BREAKS],
          ['control', /\p{Cc}/u],
          ['bidi', BIDI_CONTROLS],
          ['invisible', FORMAT],
        ]
      : [
          ['control', CONTROLS_MULTI_LINE],
          ['bidi', BIDI_OVERRIDES],
        ];
  for (const [reason, pattern] of checks) {
    const match = pattern.exec(text);
    if (match) return { reason, char: codePoint(match) };
  }
  return null;
}

/**
 * What is wrong with a text under the policy, in English, or null. `required`: a person must
 * say something, so text that is only white space or invisible is refused.
 */
export function textProblem(text: string, kind: TextKind, required: boolean): string | null {
  const issue = textIssue(text, kind, required);
  if (!issue) return null;
  const message = TEXT_MESSAGES[issue.reason];
  return issue.char ? `${message} (found ${issue.char})` : message;
}

/** NFC, so that one text has one spelling in storage, search and comparison ("é" ≠ "e\u0301"). */
export function normaliseText(text: string, trim: boolean): string {
  const nfc = LONE_SURROGATE.test(text) ? text : text.normalize('NFC');
  return trim ? nfc.trim() : nfc;
}

export interface TextOptions {
  /** Longest length, in UTF-16 code units after normalisation (as before: class-validator's). */
  max: number;
  /**
   * Shortest length after trimming (default 1). At 1 or more a person must say something, and
   * text that is only white space or invisible is refused; 0 allows an empty text.
   */
  min?: number;
  /** true: may be left out (never null); 'nullable': may be left out or null. */
  optional?: boolean | 'nullable';
  /** Remove surrounding white space (default: single-line yes, multi-line no). */
  trim?: boolean;
}

function textDecorator(kind: TextKind, options: TextOptions): PropertyDecorator {
  const min = options.min ?? 1;
  const trim = options.trim ?? kind === 'single-line';
  const required = min > 0;
  const presence =
    options.optional === 'nullable'
      ? [ValidateIf((_: unknown, v: unknown) => v !== null), IsOptional()]
      : options.optional
        ? [Optional()]
        : [];
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? normaliseText(value, trim) : value,
    ),
    ...presence,
    IsString(),
    min > 0 ? Length(min, options.max) : MaxLength(options.max),
    ValidateBy({
      name: kind === 'single-line' ? 'singleLineText' : 'multiLineText',
      // Read back by the validation pipe to name the reason (field error `invalid_text`).
      constraints: [{ kind, required }],
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || textProblem(value, kind, required) === null,
        defaultMessage: (args?: ValidationArguments) =>
          textProblem(String(args?.value ?? ''), kind, required) ?? 'is not valid text',
      },
    }),
  );
}

/**
 * A title, name, reason or reference: one line, trimmed, NFC; no controls, bidi controls or
 * invisible formatting characters; not blank when `min` ≥ 1 (the default).
 */
export const SingleLineText = (options: TextOptions): PropertyDecorator =>
  textDecorator('single-line', options);

/**
 * A note, description or proposal: NFC, line breaks and tabs allowed; no other controls and no
 * bidi embeddings, overrides or isolates; not blank when `min` ≥ 1 (the default).
 */
export const MultiLineText = (options: TextOptions): PropertyDecorator =>
  textDecorator('multi-line', options);
