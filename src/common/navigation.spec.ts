import { navigationFor } from './navigation.js';

describe('navigationFor', () => {
  it('shows admins their pages and marks the current one', () => {
    const sut = navigationFor(['admin'], '/people/12');
    expect(sut.map((item) => item.label)).toEqual(['Home', 'People', 'Outbox']);
    expect(sut.find((item) => item.current)?.label).toBe('People');
  });

  it('shows no admin pages to other roles', () => {
    const sut = navigationFor(['manager', 'interviewer'], '/');
    expect(sut.map((item) => item.href)).toEqual(['/']);
    expect(sut[0].current).toBe(true);
  });
});
