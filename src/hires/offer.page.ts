import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { HiresService } from './hires.service.js';
import { mapOffer, offerCurrency } from './offer.view.js';
import { today } from './plan-dates.js';

/** The offer page of an application in Offer: record an offer, then the candidate's answer. */
@Injectable()
export class OfferPage implements FormPage {
  readonly view = 'hires/offer';

  constructor(private readonly hires: HiresService) {}

  async build({ user, id }: PageRequest) {
    const { application, offers, buddies } = await this.hires.offers(user, id);
    const open = offers.find((offer) => offer.status === 'extended') ?? null;
    const currency = offerCurrency(application.position);
    return {
      title: `Offer · ${application.candidate.name}`,
      application: { id: application.id, stage: application.stage },
      candidate: { name: application.candidate.name, email: application.candidate.email },
      position: { title: application.position.title },
      currency,
      offers: offers.map((offer) => mapOffer(offer, currency)),
      open,
      canOffer: application.stage === 'offer' && !open,
      buddies: buddies.map((person) => ({ value: String(person.id), label: person.name })),
      values: { offeredOn: today(), terms: '', salary: '', startDate: '', buddyId: '' },
    };
  }
}
