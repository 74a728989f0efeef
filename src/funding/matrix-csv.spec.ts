import { matrixToCsv } from './matrix-csv';

describe('matrixToCsv', () => {
  it('writes a header and one CRLF-ended line per case, empty where a domain is not touched', () => {
    const csv = matrixToCsv({
      domains: ['care', 'energy'],
      rows: [
        {
          caseId: 'c1',
          reference: 'BRUG-2026-000001',
          title: 'Energie, wonen',
          cells: {
            energy: { role: 'lead', committedCents: 100, pledgedCents: 5, disbursedCents: 40 },
          },
        },
        {
          caseId: 'c2',
          reference: 'BRUG-2026-000002',
          title: 'Zorg',
          cells: { care: { role: null, committedCents: 0, pledgedCents: 7, disbursedCents: 0 } },
        },
      ],
    });
    expect(csv).toBe(
      'caseId,reference,title,' +
        'care.role,care.committedCents,care.pledgedCents,care.disbursedCents,' +
        'energy.role,energy.committedCents,energy.pledgedCents,energy.disbursedCents\r\n' +
        'c1,BRUG-2026-000001,"Energie, wonen",,,,,lead,100,5,40\r\n' +
        'c2,BRUG-2026-000002,Zorg,,0,7,0,,,,\r\n',
    );
  });
});
