import type { TFunction } from 'i18next';

type Params = Record<string, unknown>;

/**
 * `t` with a key of the funding texts of issue 18 (`fundingUi`, texts.ts, nl and en), joined to
 * the resources in i18n.ts rather than the typed locale objects (TS2589).
 */
export function sayFunding(t: TFunction, key: string, params: Params = {}): string {
  return (t as unknown as (key: string, options: Params) => string)(`fundingUi.${key}`, params);
}
