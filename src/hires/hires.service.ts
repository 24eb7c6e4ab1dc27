import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PeopleService } from '../accounts/people.service.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { mayMailCandidate } from '../candidates/candidate-mail.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { PortalService } from '../vetting/portal.service.js';
import { requireConfirmed } from '../common/confirmation.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { PlanTemplatesService } from '../development/plan-templates.service.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import { PublishingService } from '../positions/publishing.service.js';
import { DevelopmentService } from './development.service.js';
import type { AcceptOfferDto, OfferDto, StartDateDto } from './dto/hires.dto.js';
import type { Hire, Offer } from './entities/hire.entity.js';
import { HiresAccess } from './hires.access.js';
import { HiresRepository } from './hires.repository.js';
import { OnboardingService } from './onboarding.service.js';
import { isIsoDate, startDateWarnings } from './plan-dates.js';

const OFFER_ANSWERED = 'Someone else recorded the answer to this offer a moment ago. Reload the page to see it.';
const OFFER_RECORDED = 'Someone else recorded an offer a moment ago. Reload the page to see it.';

/**
 * Offers, and the hire itself: accepting an offer moves the application to Hired, invites the new hire,
 * and lays out their onboarding plan and first-year development plan with real dates, in one unit of work.
 */
@Injectable()
export class HiresService {
  constructor(
    private readonly hires: HiresRepository,
    private readonly access: HiresAccess,
    private readonly uow: UnitOfWork,
    private readonly pipeline: PipelineService,
    private readonly people: PeopleService,
    private readonly users: UsersRepository,
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly plans: PlanTemplatesService,
    private readonly onboarding: OnboardingService,
    private readonly development: DevelopmentService,
    private readonly portal: PortalService,
  ) {}

  /** A page of the hires the user looks after. */
  list(user: User, page: PageRequest): Promise<[Hire[], number]> {
    return this.hires.hiresIn(this.access.scope(user), page);
  }

  /** The signed-in new hire's own hire (their latest, should they have been hired twice). */
  async ownHire(user: User): Promise<Hire> {
    const [hire] = await this.hires.hiresOf(user.id);
    if (!hire) throw notFound('Your onboarding plan');
    return hire;
  }

  /** What the offer page shows: the application, its offers, and who could be the buddy (anyone but new hires). */
  async offers(user: User, applicationId: number) {
    const application = await this.pipeline.findOrFail(applicationId);
    this.access.requireOffers(user, application);
    const [offers, colleagues] = await Promise.all([
      this.hires.offersFor(application.id),
      this.onboarding.colleagues(),
    ]);
    return { application, offers, buddies: colleagues.filter((person) => !person.hasRole('new-hire')) };
  }

  async recordOffer(user: User, applicationId: number, dto: OfferDto): Promise<Offer> {
    const application = await this.pipeline.findOrFail(applicationId);
    this.access.requireOffers(user, application);
    if (application.stage !== 'offer')
      throw new DomainError(
        'conflict',
        'Record an offer once the debrief has decided to hire (the application is in Offer).',
      );
    if (!isIsoDate(dto.offeredOn)) throw FormInvalidError.single('offeredOn', 'Enter a real date');
    if ((await this.hires.offersFor(applicationId)).some((offer) => offer.status === 'extended')) {
      throw new DomainError('conflict', 'An offer is already open; record the candidate’s answer to it first.');
    }
    return this.uow.run(async () => {
      const offer = await this.hires.addOpenOffer({
        applicationId,
        offeredOn: dto.offeredOn,
        terms: dto.terms,
        salary: dto.salary ?? null,
        respondedAt: null,
        createdById: user.id,
      });
      if (!offer) throw new DomainError('conflict', OFFER_RECORDED);
      await this.pipeline.note(user, application, `Offer made on ${dto.offeredOn}`);
      // The candidate is told with a new link to their private page, where the offer is (the old link stops working).
      if (mayMailCandidate(application, 'offer-sent')) await this.portal.issue(user, application, 'offer-sent');
      return offer;
    });
  }

  async declineOffer(user: User, applicationId: number, offerId: number): Promise<Offer> {
    const { offer, application } = await this.openOffer(user, applicationId, offerId);
    return this.uow.run(async () => {
      if (!(await this.hires.answerOffer(offer.id, 'declined'))) throw new DomainError('conflict', OFFER_ANSWERED);
      const saved = { ...offer, status: 'declined', respondedAt: new Date() } as Offer;
      await this.pipeline.move(user, application.id, 'withdrawn', null);
      await this.pipeline.note(user, application, 'The candidate declined the offer');
      return saved;
    });
  }

  /**
   * The candidate said yes: Hired, their account, the onboarding plan and the development plan, all or nothing.
   * The invitation and the mails to task owners go out once it has all been saved.
   */
  async acceptOffer(user: User, applicationId: number, offerId: number, dto: AcceptOfferDto): Promise<Hire> {
    const { offer, application } = await this.openOffer(user, applicationId, offerId);
    if (!isIsoDate(dto.startDate)) throw FormInvalidError.single('startDate', 'Enter a real date');
    requireConfirmed(dto.confirm, startDateWarnings(dto.startDate));
    const [position, plan] = await Promise.all([
      this.positions.findOrFail(application.positionId),
      this.plans.findByPosition(application.positionId),
    ]);
    const buddy = dto.buddyId ? await this.users.findById(dto.buddyId) : null;
    if (dto.buddyId && (!buddy || !buddy.active))
      throw FormInvalidError.single('buddyId', 'Choose a buddy from the list');
    const candidate = application.candidate;

    const hired = await this.uow.run(async () => {
      // The answer is recorded first and only while the offer is open: of two accepts at once, one hires.
      if (!(await this.hires.answerOffer(offer.id, 'accepted'))) throw new DomainError('conflict', OFFER_ANSWERED);
      if (await this.users.findByEmail(candidate.email)) {
        throw FormInvalidError.single(
          'startDate',
          `Someone already has a Keeper account with ${candidate.email}. Change the candidate's email or that account first.`,
        );
      }
      await this.pipeline.recordHire(
        user,
        application,
        `Accepted the offer of ${offer.offeredOn}; starts ${dto.startDate}`,
      );
      const person = await this.people.createInvited({
        name: candidate.name,
        email: candidate.email,
        roles: ['new-hire'],
      });
      const hire = await this.hires.saveHire({
        applicationId: application.id,
        positionId: position.id,
        userId: person.id,
        managerId: position.hiringManagerId,
        buddyId: buddy?.id ?? null,
        startDate: dto.startDate,
        keeper: null,
      });
      await this.onboarding.layOut(hire);
      await this.development.layOut(hire, position, plan);
      await this.fillIfFull(user, position);
      await this.people.sendInvitation(user, person);
      await this.onboarding.mailOwners(hire.id, candidate.name);
      return hire;
    });
    return (await this.hires.findHire(hired.id))!;
  }

  /** Moves the start date: every open task, every goal deadline and every milestone moves with it. */
  async moveStart(user: User, hireId: number, { startDate, confirm }: StartDateDto): Promise<Hire> {
    const hire = await this.access.hire(user, 'plan.manage', hireId);
    if (!isIsoDate(startDate)) throw FormInvalidError.single('startDate', 'Enter a real date');
    requireConfirmed(confirm, startDateWarnings(startDate));
    const application = await this.pipeline.findOrFail(hire.applicationId);
    await this.uow.run(async () => {
      await this.hires.saveHire({ id: hire.id, startDate });
      await this.onboarding.moveTasks(hire, startDate);
      await this.development.moveDates(hire, startDate);
      await this.pipeline.note(user, application, `Moved the start date from ${hire.startDate} to ${startDate}`);
    });
    return { ...hire, startDate } as Hire;
  }

  /** An offer still waiting for an answer, on the application named in the address. */
  private async openOffer(user: User, applicationId: number, offerId: number) {
    const offer = await this.hires.findOffer(offerId);
    if (!offer || offer.applicationId !== applicationId) throw notFound('That offer');
    const application = await this.pipeline.findOrFail(offer.applicationId);
    this.access.requireOffers(user, application);
    if (offer.status !== 'extended') throw new DomainError('conflict', 'This offer has already been answered.');
    return { offer, application };
  }

  /** A published position with as many hires as its headcount is filled. */
  private async fillIfFull(user: User, position: Position): Promise<void> {
    if (position.status === 'published' && (await this.hires.countHired(position.id)) >= position.headcount) {
      await this.publishing.changeStatus(user, position.id, 'filled');
    }
  }
}
