/**
 * The texts of the funding flows on the dashboard and of benefit shares, fair shares and
 * co-funding proposals on the case page (issue 18), in Dutch and English. Plain records: each
 * literal key would count towards i18next's type instantiation limit. Same keys in both.
 */
export const fundingUiNl: Record<string, string> = {
  flowsHeading: 'Wie betaalt voor wiens doelen',
  flowsTitle: 'Geldstromen: betalend domein naar domein dat er baat bij heeft',
  flowsDescription:
    'Stroomdiagram over {{cases}} zaken: links de domeinen die geld toezeggen (vastgelegd), rechts de domeinen die er baat bij hebben, verdeeld naar hun baataandeel. Hoe breder een stroom, hoe meer geld. In totaal {{total}} vastgelegd. De grootste stroom: {{payer}} betaalt {{amount}} voor de doelen van {{beneficiary}}.',
  flowsCaption:
    'Elk vastgelegd bedrag van een domein op een zaak is verdeeld over de domeinen van de zaak naar hun baataandeel (zonder baataandelen: 100 % voor het leidende domein). Een domein dat voor zijn eigen doelen betaalt, stroomt naar zichzelf. De bedragen staan ook in de tabel.',
  flowsNone: 'Er is nog geen geld vastgelegd, dus er zijn nog geen geldstromen.',
  flowsPays: '{{domain}} (betaalt)',
  flowsBenefits: '{{domain}} (baat)',
  flowsTableTitle: 'Geldstromen als tabel',
  flowsPayer: 'Betaalt',
  flowsBeneficiary: 'Voor de doelen van',
  flowsCommitted: 'Vastgelegd',
  flowsDisbursed: 'Uitbetaald',
  flowsTotal: 'Totaal',
};

export const fundingUiEn: Record<string, string> = {
  flowsHeading: 'Who pays for whose goals',
  flowsTitle: 'Money flows: paying domain to benefiting domain',
  flowsDescription:
    'Flow diagram over {{cases}} cases: on the left the domains that commit money, on the right the domains that benefit, split by their benefit share. The wider a flow, the more money. {{total}} committed in all. The largest flow: {{payer}} pays {{amount}} for the goals of {{beneficiary}}.',
  flowsCaption:
    'Each amount a domain committed to a case is split over the case’s domains by their benefit shares (without shares: 100% for the lead domain). A domain paying for its own goals flows to itself. The amounts are in the table too.',
  flowsNone: 'No money is committed yet, so there are no money flows yet.',
  flowsPays: '{{domain}} (pays)',
  flowsBenefits: '{{domain}} (benefits)',
  flowsTableTitle: 'Money flows as a table',
  flowsPayer: 'Pays',
  flowsBeneficiary: 'For the goals of',
  flowsCommitted: 'Committed',
  flowsDisbursed: 'Disbursed',
  flowsTotal: 'Total',
};
