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

/**
 * Signing in through an identity provider (ADR 33): the sign-in page's buttons and the problem
 * page's words for each code the callback sends there.
 */
export const ssoNl: Record<string, string> = {
  withProvider: 'Inloggen met {{name}}',
  providersHeading: 'Inloggen via uw organisatie',
  orPassword: 'Of log in met uw e-mailadres en wachtwoord',
  signedOutHeading: 'U bent afgemeld',
  signedOut: 'U bent afgemeld bij Brug en bij uw organisatie.',
  noWay: 'Op deze installatie kan nu niemand inloggen. Vraag de beheerder van Brug.',
  problemTitle: 'Inloggen is niet gelukt',
  problemHeading: 'Wat er misging',
  problemCode: 'Foutcode voor de beheerder: {{code}}',
  tryAgain: 'Opnieuw inloggen',
  askWhom: 'Vraag om toegang bij: {{contact}}.',
  askAdmin: 'Vraag de beheerder van Brug in uw organisatie om toegang.',
  problem_unknown_provider: 'Deze manier van inloggen kent Brug niet (meer).',
  problem_flow_expired:
    'Het inloggen duurde te lang, of is in een ander venster begonnen. Begin opnieuw.',
  problem_state_mismatch:
    'Het antwoord van uw organisatie hoort niet bij het inloggen dat hier begon. Begin opnieuw.',
  problem_provider_refused: 'Uw organisatie heeft het inloggen geweigerd of afgebroken.',
  problem_code_rejected:
    'Uw organisatie nam de inlogcode niet (meer) aan; hij was al gebruikt of verlopen. Begin opnieuw.',
  problem_nonce_mismatch:
    'Het bewijs van uw organisatie hoort niet bij dit inloggen. Begin opnieuw.',
  problem_issuer_mismatch: 'Het bewijs van inloggen komt niet van de verwachte organisatie.',
  problem_id_token_expired:
    'Het bewijs van inloggen was al verlopen. Staat de klok van deze computer goed? Begin opnieuw.',
  problem_id_token_invalid: 'Het bewijs van inloggen van uw organisatie klopt niet.',
  problem_provider_unavailable:
    'De inlogdienst van uw organisatie antwoordt nu niet. Probeer het later opnieuw.',
  problem_no_mapping:
    'U bent bij uw organisatie ingelogd, maar u hebt (nog) geen toegang tot Brug: uw groepen of rollen horen bij geen enkele rol in Brug.',
  problem_account_inactive: 'Uw account in Brug staat uit.',
  problem_email_in_use:
    'Er is al een ander account in Brug met uw e-mailadres. De beheerder kan dat oplossen.',
  problem_sign_in_failed: 'Er ging iets mis bij het inloggen. Probeer het later opnieuw.',
};

export const ssoEn: Record<string, string> = {
  withProvider: 'Sign in with {{name}}',
  providersHeading: 'Sign in through your organisation',
  orPassword: 'Or sign in with your email address and password',
  signedOutHeading: 'You have signed out',
  signedOut: 'You have signed out of Brug and of your organisation.',
  noWay: 'Nobody can sign in to this installation now. Ask the administrator of Brug.',
  problemTitle: 'Signing in did not work',
  problemHeading: 'What went wrong',
  problemCode: 'Error code for the administrator: {{code}}',
  tryAgain: 'Sign in again',
  askWhom: 'Ask for access: {{contact}}.',
  askAdmin: 'Ask the administrator of Brug in your organisation for access.',
  problem_unknown_provider: 'Brug does not know (any longer) this way of signing in.',
  problem_flow_expired: 'Signing in took too long, or began in another window. Please start again.',
  problem_state_mismatch:
    'Your organisation’s answer does not belong to the sign-in that began here. Please start again.',
  problem_provider_refused: 'Your organisation refused or broke off the sign-in.',
  problem_code_rejected:
    'Your organisation no longer took the sign-in code; it was used already or expired. Please start again.',
  problem_nonce_mismatch:
    'Your organisation’s proof does not belong to this sign-in. Please start again.',
  problem_issuer_mismatch: 'The proof of signing in does not come from the expected organisation.',
  problem_id_token_expired:
    'The proof of signing in had expired already. Is this computer’s clock right? Please start again.',
  problem_id_token_invalid: 'Your organisation’s proof of signing in is not right.',
  problem_provider_unavailable:
    'Your organisation’s sign-in service does not answer now. Please try again later.',
  problem_no_mapping:
    'You have signed in at your organisation, but you have no access to Brug (yet): your groups or roles belong to no role in Brug.',
  problem_account_inactive: 'Your account in Brug is switched off.',
  problem_email_in_use:
    'Another account in Brug has your email address. The administrator can sort that out.',
  problem_sign_in_failed: 'Something went wrong while signing in. Please try again later.',
};

/** "My sessions": the web sessions open in one's name (ADR 34). */
export const sessionsNl: Record<string, string> = {
  title: 'Mijn sessies',
  intro:
    'Hier ziet u waar u bij Brug bent ingelogd. Beëindig een sessie die u niet herkent of niet meer gebruikt; in die browser moet u dan opnieuw inloggen.',
  meLink: 'Mijn sessies',
  none: 'U hebt geen open sessies.',
  began: 'Begonnen',
  lastSeen: 'Laatst gebruikt',
  ends: 'Loopt uiterlijk af',
  how: 'Ingelogd met',
  browser: 'Browser en adres',
  password: 'Wachtwoord',
  provider: 'Organisatie ({{provider}})',
  current: 'Deze sessie',
  end: 'Beëindigen',
  endNamed: 'sessie van {{when}}',
  ended: 'De sessie is beëindigd.',
  unknownBrowser: 'Onbekende browser',
  failed: 'Dat is niet gelukt',
};

export const sessionsEn: Record<string, string> = {
  title: 'My sessions',
  intro:
    'Here you see where you are signed in to Brug. End a session you do not recognise or no longer use; that browser then has to sign in again.',
  meLink: 'My sessions',
  none: 'You have no open sessions.',
  began: 'Began',
  lastSeen: 'Last used',
  ends: 'Ends at the latest',
  how: 'Signed in with',
  browser: 'Browser and address',
  password: 'Password',
  provider: 'Organisation ({{provider}})',
  current: 'This session',
  end: 'End',
  endNamed: 'session of {{when}}',
  ended: 'The session has been ended.',
  unknownBrowser: 'Unknown browser',
  failed: 'That did not work',
};
