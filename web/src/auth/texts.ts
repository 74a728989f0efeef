/**
 * The texts of signing in with a second factor and setting one up (ADR 35), in Dutch and
 * English. Plain records: each literal key would count towards i18next's type instantiation
 * limit.
 */
export const secondFactorNl: Record<string, string> = {
  signInTitle: 'Tweede stap',
  signInIntro:
    'Uw wachtwoord klopt. Vul nu de code van zes cijfers uit uw authenticator-app in, of een van uw herstelcodes.',
  signInCode: 'Code',
  signInCodeHint: 'Zes cijfers uit de app, of een herstelcode zoals ABCD-EFGH-JKLM-NPQR.',
  fillCode: 'Vul de code in.',
  restart: 'Opnieuw beginnen',
  title: 'Tweede factor',
  intro:
    'Met een tweede factor vraagt Brug bij het inloggen, na uw wachtwoord, ook een code uit een authenticator-app op uw telefoon.',
  requiredHeading: 'Eerst een tweede factor',
  required: 'Uw rol vraagt om een tweede factor. Stel hem nu in; daarna kunt u verder met Brug.',
  on: 'Uw tweede factor staat aan. U hebt nog {{count}} herstelcodes.',
  off: 'U hebt geen tweede factor ingesteld.',
  start: 'Tweede factor instellen',
  setupHeading: 'Instellen',
  step1: '1. Voeg Brug toe aan uw authenticator-app met deze sleutel.',
  secretLabel: 'Sleutel',
  uriLabel: 'Op uw telefoon kan het ook met deze koppeling:',
  uriLink: 'Brug toevoegen aan de app',
  step2: '2. Vul de code in die de app nu toont.',
  code: 'Code uit de app',
  confirm: 'Bevestigen',
  recoveryHeading: 'Uw herstelcodes',
  recoveryIntro:
    'Bewaar deze codes op een veilige plek: u ziet ze alleen nu. Met elke code kunt u één keer inloggen als u uw telefoon niet bij de hand hebt.',
  remove: 'Tweede factor verwijderen',
  removeIntro: 'Vul een code uit de app in om de tweede factor te verwijderen.',
  failed: 'Dat is niet gelukt',
  busy: 'Bezig…',
  meLink: 'Tweede factor',
};

export const secondFactorEn: Record<string, string> = {
  signInTitle: 'Second step',
  signInIntro:
    'Your password is right. Now enter the six-digit code from your authenticator app, or one of your recovery codes.',
  signInCode: 'Code',
  signInCodeHint: 'Six digits from the app, or a recovery code like ABCD-EFGH-JKLM-NPQR.',
  fillCode: 'Enter the code.',
  restart: 'Start again',
  title: 'Second factor',
  intro:
    'With a second factor, Brug asks at sign-in, after your password, for a code from an authenticator app on your phone.',
  requiredHeading: 'A second factor first',
  required: 'Your role needs a second factor. Set it up now; then you can go on with Brug.',
  on: 'Your second factor is on. You have {{count}} recovery codes left.',
  off: 'You have not set up a second factor.',
  start: 'Set up a second factor',
  setupHeading: 'Setting up',
  step1: '1. Add Brug to your authenticator app with this key.',
  secretLabel: 'Key',
  uriLabel: 'On your phone, this link does it too:',
  uriLink: 'Add Brug to the app',
  step2: '2. Enter the code the app shows now.',
  code: 'Code from the app',
  confirm: 'Confirm',
  recoveryHeading: 'Your recovery codes',
  recoveryIntro:
    'Keep these codes somewhere safe: you see them only now. Each signs you in once when you do not have your phone at hand.',
  remove: 'Remove the second factor',
  removeIntro: 'Enter a code from the app to remove the second factor.',
  failed: 'That did not work',
  busy: 'Working…',
  meLink: 'Second factor',
};
