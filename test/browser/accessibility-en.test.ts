import { describeEveryPageAccessible } from '../support/accessibility-pages';

// Acceptance 3, in English (the language switch).
describeEveryPageAccessible('en');
