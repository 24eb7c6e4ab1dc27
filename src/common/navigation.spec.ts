import { navigationFor } from './navigation.js';

describe('navigationFor', () => {
  it('shows admins their pages and marks the current one', () => {
    const sut = navigationFor(['admin'], '/people/12');
    expect(sut.map((item) => item.label)).toEqual([
      'Home',
      'Positions',
      'Candidates',
      'Questions',
      'New hires',
      'Insights',
      'Grading',
      'People',
      'Settings',
      'Outbox',
      'Audit',
      'Data',
    ]);
    expect(sut.find((item) => item.current)?.label).toBe('People');
  });

  it('shows hiring managers their pages and no admin pages', () => {
    const sut = navigationFor(['manager', 'interviewer'], '/');
    expect(sut.map((item) => item.href)).toEqual([
      '/',
      '/positions',
      '/candidates',
      '/questions',
      '/hires',
      '/insights',
      '/grading',
    ]);
    expect(sut[0].current).toBe(true);
  });

  it('shows interviewers grading and no position pages', () => {
    expect(navigationFor(['interviewer'], '/').map((item) => item.href)).toEqual(['/', '/grading']);
  });

  it('shows new hires their own onboarding and plan only', () => {
    expect(navigationFor(['new-hire'], '/my/plan').map((item) => [item.href, item.current])).toEqual([
      ['/', false],
      ['/my/onboarding', false],
      ['/my/plan', true],
    ]);
  });

  it('shows agency recruiters their portal only, marking the most specific item', () => {
    expect(navigationFor(['recruiter'], '/agency/submissions/3').map((item) => [item.href, item.current])).toEqual([
      ['/agency', false],
      ['/agency/submissions', true],
    ]);
    expect(navigationFor(['recruiter'], '/agency/positions/4').find((item) => item.current)?.label).toBe('Positions');
  });

  it('shows a compliance officer the adverse-impact report only, and an admin who is also one no second item', () => {
    expect(navigationFor(['compliance'], '/insights/adverse-impact')).toEqual([
      { label: 'Adverse impact', href: '/insights/adverse-impact', current: true },
    ]);
    expect(navigationFor(['manager', 'compliance'], '/').map((item) => item.label)).toContain('Adverse impact');
    expect(navigationFor(['admin', 'compliance'], '/').map((item) => item.label)).not.toContain('Adverse impact');
  });
});
