import { pageRequest, pageView } from './pagination.js';

describe('pagination', () => {
  it('reads a page number, falling back to the first page', () => {
    expect(pageRequest('3').page).toBe(3);
    expect(pageRequest('0').page).toBe(1);
    expect(pageRequest('-2').page).toBe(1);
    expect(pageRequest('two').page).toBe(1);
    expect(pageRequest(undefined).page).toBe(1);
    expect(pageRequest('99999999999999999999').page).toBe(100_000);
  });

  it('links to the neighbouring pages and keeps the filters', () => {
    const sut = pageView({ page: 2, perPage: 25 }, 60, '/people', { q: 'ann', role: undefined, status: 'active' });
    expect(sut).toMatchObject({ page: 2, pages: 3, from: 26, to: 50, total: 60 });
    expect(sut.previousHref).toBe('/people?q=ann&status=active');
    expect(sut.nextHref).toBe('/people?q=ann&status=active&page=3');
  });

  it('has no links on a single page', () => {
    const sut = pageView({ page: 1, perPage: 25 }, 0, '/people');
    expect(sut).toMatchObject({ pages: 1, from: 0, to: 0, previousHref: null, nextHref: null });
  });
});
