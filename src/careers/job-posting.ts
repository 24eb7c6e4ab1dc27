import type { Position } from '../positions/entities/position.entity.js';
import type { PositionSnapshot } from '../positions/position-snapshot.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The posting's description as the simple HTML search engines accept: the mission, the outcomes, the role. */
function descriptionHtml(snapshot: PositionSnapshot): string {
  const paragraphs = (text: string | null) =>
    (text ?? '')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  const outcomes = snapshot.outcomes.length
    ? [
        '<p>This position is measured by these outcomes:</p>',
        `<ul>${snapshot.outcomes.map((outcome) => `<li>${escapeHtml(outcome.sentence)}</li>`).join('')}</ul>`,
      ]
    : [];
  return [...paragraphs(snapshot.mission), ...outcomes, ...paragraphs(snapshot.description)].join('') || snapshot.title;
}

/** The salary range of the position, when the published version shows one. */
function baseSalary(position: Position, snapshot: PositionSnapshot) {
  const { compensationMin: min, compensationMax: max } = position;
  if (!snapshot.compensation || (min === null && max === null)) return undefined;
  const value =
    min !== null && max !== null && min !== max
      ? { '@type': 'QuantitativeValue', minValue: min, maxValue: max, unitText: 'YEAR' }
      : { '@type': 'QuantitativeValue', value: min ?? max, unitText: 'YEAR' };
  return { '@type': 'MonetaryAmount', currency: position.compensationCurrency ?? 'USD', value };
}

/** Where the work happens: a place for on-site and hybrid work, TELECOMMUTE (and where applicants may live) for remote. */
function location(snapshot: PositionSnapshot) {
  const place = snapshot.location?.trim() || null;
  if (snapshot.workplace === 'remote') {
    return {
      jobLocationType: 'TELECOMMUTE',
      ...(place ? { applicantLocationRequirements: { '@type': 'AdministrativeArea', name: place } } : {}),
    };
  }
  return place
    ? { jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: place } } }
    : {};
}

/** The schema.org JobPosting of a listed position (https://schema.org/JobPosting), for search engines. */
export function jobPosting(input: {
  position: Position;
  snapshot: PositionSnapshot;
  companyName: string;
  url: string;
}): Record<string, unknown> {
  const { position, snapshot } = input;
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: snapshot.title,
    description: descriptionHtml(snapshot),
    datePosted: (position.careersListedAt ?? new Date()).toISOString().slice(0, 10),
    hiringOrganization: { '@type': 'Organization', name: input.companyName },
    identifier: { '@type': 'PropertyValue', name: input.companyName, value: String(position.id) },
    employmentType: 'FULL_TIME',
    directApply: true,
    url: input.url,
    ...location(snapshot),
    ...(baseSalary(position, snapshot) ? { baseSalary: baseSalary(position, snapshot) } : {}),
  };
}
