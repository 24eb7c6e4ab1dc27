import type { Position } from '../positions/entities/position.entity.js';
import type { PlanSnapshot, PositionSnapshot } from '../positions/position-snapshot.js';
import type { VettingConfig } from '../vetting/entities/vetting-config.entity.js';

/** The place filter's value for positions anyone can do from anywhere. */
export const REMOTE_PLACE = 'Remote';

const WORKPLACE_LABELS: Record<string, string> = { 'on-site': 'On-site', hybrid: 'Hybrid', remote: 'Remote' };

/** The readable part of a position's public address: "Account Executive, Mid-Market" → "account-executive-mid-market". */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'position';
}

/** The canonical path of a position on the careers site: the id decides, the slug is for people and search engines. */
export function careersPath(id: number, title: string): string {
  return `/careers/${id}-${slugOf(title)}`;
}

/** "12-account-executive" → { id: 12, slug: 'account-executive' } (any slug: a wrong one is moved); else null. */
export function parseRef(ref: string): { id: number; slug: string } | null {
  const match = /^(\d{1,10})(?:-([^/]*))?$/s.exec(ref);
  const id = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  return { id, slug: match[2] ?? '' };
}

/** "Boston (hybrid)", "Remote", or null when the position says nothing about where. */
export function placeText(location: string | null, workplace: string | null): string | null {
  const place = location?.trim() || null;
  const label = workplace ? (WORKPLACE_LABELS[workplace] ?? workplace) : null;
  if (place && label) return `${place} (${label.toLowerCase()})`;
  return place ?? label;
}

/** The places a visitor can filter by: each location named by a listed position, and "Remote" when one is. */
export function placeChoices(rows: { location: string | null; workplace: string | null }[]): string[] {
  const locations = new Set<string>();
  let remote = false;
  for (const row of rows) {
    if (row.location?.trim()) locations.add(row.location.trim());
    if (row.workplace === 'remote') remote = true;
  }
  const sorted = [...locations].sort((a, b) => a.localeCompare(b));
  return remote && !locations.has(REMOTE_PLACE) ? [...sorted, REMOTE_PLACE] : sorted;
}

/** One position in the list on /careers. */
export function mapListing(position: Position, snapshot: PositionSnapshot) {
  return {
    href: careersPath(position.id, snapshot.title),
    title: snapshot.title,
    place: placeText(snapshot.location, snapshot.workplace),
    team: snapshot.team,
    firstOutcome: snapshot.outcomes[0]?.sentence ?? null,
    moreOutcomes: Math.max(0, snapshot.outcomes.length - 1),
  };
}

/** The first-year plan in a few lines: the route phase by phase, the last phase being the destination. */
export function planSummary(plan: PlanSnapshot) {
  const phases = plan.phases.filter((phase) => phase.name || phase.milestones.length);
  return {
    hasPlan: phases.length > 0,
    phases: phases.map((phase, index) => ({ ...phase, destination: index === phases.length - 1 && index > 0 })),
    learningAreas: plan.learningAreas.map((area) => area.name),
    coaching: plan.coachingCadence,
  };
}

/** "How the selection works", in plain words, from the position's vetting steps. */
export function selectionSteps(config: VettingConfig): { title: string; text: string }[] {
  const before: { title: string; text: string }[] = [];
  if (config.assessmentRequired)
    before.push({
      title: 'An online assessment',
      text: 'A questionnaire about how you like to work and what suits you. There are no right or wrong answers.',
    });
  if (config.writingRequired)
    before.push({
      title: 'A short writing test',
      text: `A business letter or email of ${config.writingMinWords} to ${config.writingMaxWords} words${
        config.writingTimeLimitMinutes ? `, written in ${config.writingTimeLimitMinutes} minutes once you start` : ''
      }. It is read without your name on it.`,
    });
  if (config.presentationRequired)
    before.push({
      title: 'A research presentation',
      text: 'You research our company, its services and customers, and present us as if we were your customer: what you would offer us and why.',
    });
  return [
    {
      title: 'We read your application',
      text: 'The hiring manager reads every application, including your answers about the outcomes.',
    },
    ...before,
    {
      title: 'A panel interview',
      text: 'Two or three people you would work with ask how you would approach the outcomes of this position. We talk about the first-year plan with you there.',
    },
    { title: 'Our decision', text: 'We tell you our decision either way.' },
  ];
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,.;:]+$/, '')}…`;
}
