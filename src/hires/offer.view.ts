import type { Offer } from './entities/hire.entity.js';
import { numberFormat } from '../common/intl.js';

export const OFFER_STATUS_LABELS = {
  extended: 'Open',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** The currency offers to a position are made in: the position's, or US dollars when it has none. */
export const offerCurrency = (position: { compensationCurrency: string | null }) =>
  (position.compensationCurrency ?? 'USD').toUpperCase();

/** A whole amount in a currency, e.g. "€85,000". */
export function money(amount: number, currency: string): string {
  return numberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** An offer as the offer page and the application page show it. */
export function mapOffer(offer: Offer, currency: string) {
  return {
    id: offer.id,
    offeredOn: offer.offeredOn,
    terms: offer.terms,
    status: offer.status,
    statusLabel: OFFER_STATUS_LABELS[offer.status],
    salary: offer.salary === null ? null : money(offer.salary, currency),
  };
}
