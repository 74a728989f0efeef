import 'i18next';
import type { nl } from './locales/nl';

/** Every `t('…')` key is checked against the Dutch texts (the English ones mirror them). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
    returnNull: false;
  }
}
