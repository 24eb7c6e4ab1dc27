import type { SourceQualityGroup } from './insights.repository.js';
import { csvCells, feePerKeeper, pageCells, sourceQualityTables } from './source-quality.js';

const group = (fields: Partial<SourceQualityGroup>): SourceQualityGroup => ({
  source: 'recruiter',
  agencyId: null,
  currency: 'EUR',
  applications: 0,
  vetted: 0,
  hires: 0,
  reviewed: 0,
  keepers: 0,
  attainmentSum: null,
  attained: 0,
  fees: null,
  unsalaried: 0,
  ...fields,
});

describe(sourceQualityTables.name, () => {
  const agencies = [
    { id: 1, name: 'Active', feePercent: 20, active: true },
    { id: 2, name: 'Gone quiet', feePercent: '15', active: 0 },
    { id: 3, name: 'Never used', feePercent: 10, active: false },
  ];

  it('lists every source, and active agencies or those with applications; the database’s strings read as numbers', () => {
    const sut = sourceQualityTables(
      [
        group({ agencyId: '2', applications: '3', vetted: '2', hires: '1', fees: '9000', currency: 'USD' }),
        group({ source: 'referral', applications: 4, vetted: 1 }),
      ],
      agencies,
    );
    expect(sut.sources.map((row) => [row.label, row.applications])).toEqual([
      ['Careers page', 0],
      ['Recruiter', 3],
      ['Referral', 4],
      ['Sourced', 0],
    ]);
    expect(sut.agencies.map((row) => [row.label, row.feePercent, row.applications])).toEqual([
      ['Active', 20, 0],
      ['Gone quiet', 15, 3],
    ]);
    expect(sut.sources[2].fees).toBeNull();
  });

  it('keeps fees per currency and divides each by the keepers; none without keepers', () => {
    const [, recruiter] = sourceQualityTables(
      [
        group({ agencyId: 1, hires: 3, reviewed: 2, keepers: 2, fees: 30000, unsalaried: 1 }),
        group({ agencyId: 1, currency: 'USD', hires: 1, fees: 10000 }),
        group({ hires: 2, reviewed: 1, keepers: 1 }),
      ],
      agencies,
    ).sources;
    // Keepers 2 + 1 = 3: EUR 30,000 / 3 and USD 10,000 / 3.
    expect([...feePerKeeper(recruiter)!]).toEqual([
      ['EUR', 10000],
      ['USD', 10000 / 3],
    ]);
    expect(recruiter).toMatchObject({ unsalaried: 1, unattributed: 2 });
    expect(pageCells(recruiter, 10).slice(5)).toEqual([
      '€30,000 + $10,000 (1 hire without a salary, 2 hires credited to no agency)',
      '€10,000 + $3,333',
    ]);
    expect(csvCells('Source', recruiter).slice(12)).toEqual([
      '30000 EUR + 10000 USD',
      '10000 EUR + 3333 USD',
      'EUR + USD',
      1,
      2,
    ]);
    expect(feePerKeeper({ ...recruiter, keepers: 0 })).toBeNull();
  });

  it('shows an unknown total as a dash when every hire lacks a salary, and says why', () => {
    const [active] = sourceQualityTables(
      [group({ agencyId: 1, applications: 2, hires: 2, unsalaried: 2, reviewed: 1, keepers: 1 })],
      agencies,
    ).agencies;
    expect(pageCells(active, 10).slice(5)).toEqual(['— (2 hires without a salary)', '—']);
  });
});
