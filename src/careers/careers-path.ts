/** The readable part of a position's public address: the title in lower case, every run of other characters one '-'. */
export function careersSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** A position's page on the careers site, e.g. /careers/12-account-executive. */
export function careersPath(position: { id: number; title: string }): string {
  return `/careers/${position.id}-${careersSlug(position.title)}`;
}
