import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminOpsEn, adminOpsNl } from '../admin/ops-texts';
import { linksEn, linksNl } from '../cases/links-texts';
import { managementEn, managementNl } from '../dashboard/management-texts';
import { documentsEn, documentsNl } from '../documents/texts';
import { fundingUiEn, fundingUiNl } from '../funding/texts';
import { en } from './locales/en';
import { nl } from './locales/nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'brug.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

/**
 * Dutch unless asked otherwise: by `?lang=en` in the address (a shareable link, and what the
 * language switch points at) or by an earlier choice on this device.
 */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode): Dutch it is.
  }
  return 'nl';
}

export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    // The documents' texts join here, not in the typed objects of locales/: one more group there
    // crosses i18next's type instantiation limit (TS2589). They are read through
    // `sayDocuments` (documents/document-text.ts), by keys built at run time; the funding texts of
    // issue 18 likewise, through `sayFunding` (funding/funding-text.ts), and the management
    // dashboard's through `sayManagement` (dashboard/management-texts.ts), the administrator's failed
    // jobs, webhooks and members through `sayOps` (admin/ops-texts.ts).
    resources: {
      nl: {
        translation: {
          ...nl,
          documents: documentsNl,
          fundingUi: fundingUiNl,
          management: managementNl,
          adminOps: adminOpsNl,
          links: linksNl,
        },
      },
      en: {
        translation: {
          ...en,
          documents: documentsEn,
          fundingUi: fundingUiEn,
          management: managementEn,
          adminOps: adminOpsEn,
          links: linksEn,
        },
      },
    },
    lng: initialLanguage(),
    fallbackLng: 'nl',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const apply = (language: string) => {
    document.documentElement.lang = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // not remembered, still applied
    }
  };
  apply(i18next.language);
  i18next.on('languageChanged', apply);
  return i18next;
}
