import { describeEveryPageAccessible } from '../support/accessibility-pages';

// Acceptance 3, in Dutch (the default language).
describeEveryPageAccessible('nl');
