import { Injectable } from '@nestjs/common';
import {
  ApplicationSection,
  type ApplicationContext,
  type ApplicationSectionProvider,
} from '../candidates/application-hub.js';
import { stages } from '../candidates/stages.js';
import { HiresRepository } from './hires.repository.js';
import { mapOffer, offerCurrency } from './offer.view.js';

/** The offer and, once accepted, the links to the new hire's plans. Shown from the Offer stage on. */
@Injectable()
@ApplicationSection({ partial: 'application/offer', order: 55 })
export class OfferSection implements ApplicationSectionProvider {
  constructor(private readonly hires: HiresRepository) {}

  async load({ application, canManage }: ApplicationContext) {
    const [offers, hire] = await Promise.all([
      this.hires.offersFor(application.id),
      this.hires.hireOfApplication(application.id),
    ]);
    if (!stages.hasOfferStage(application.stage) && offers.length === 0) return null;
    const latest = offers.at(-1);
    return {
      latest: latest && canManage ? mapOffer(latest, offerCurrency(application.position)) : null,
      open: offers.some((offer) => offer.status === 'extended'),
      count: offers.length,
      inOffer: application.stage === 'offer',
      hireId: hire?.id ?? null,
      startDate: hire?.startDate ?? null,
      canRecord: canManage,
    };
  }
}
