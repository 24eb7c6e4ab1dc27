import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { IntakeService, type IntakeResult } from '../careers/intake.service.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import type { Upload } from '../files/upload.js';
import type { Position } from '../positions/entities/position.entity.js';
import { PositionsService } from '../positions/positions.service.js';
import { PublishingService } from '../positions/publishing.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { AgenciesAccess, type RecruiterSeat } from './agencies.access.js';
import { AgenciesRepository } from './agencies.repository.js';
import { briefOf, selectionSteps } from './agencies.view.js';
import type { SubmissionDto } from './dto/agency.dto.js';
import type { AgencySubmission } from './entities/agency.entity.js';

/**
 * The agency portal: a recruiter's assigned positions with the outcome-based brief, the form that puts a candidate
 * forward, and their own submissions. Every read goes through AgenciesAccess first.
 */
@Injectable()
export class AgencyPortalService {
  constructor(
    private readonly access: AgenciesAccess,
    private readonly agencies: AgenciesRepository,
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly vetting: VettingService,
    private readonly intake: IntakeService,
  ) {}

  /** The recruiter's assigned positions that are published now; none while their agency is paused. */
  async positionsOf(user: User) {
    const seat = await this.access.seat(user);
    const working = this.access.working(seat);
    return { seat, working, positions: working ? await this.agencies.assignedPublished(user.id) : [] };
  }

  /** The position (with its outcome questions), when the recruiter may work on it; "not found" otherwise. */
  async positionFor(user: User, id: number): Promise<{ seat: RecruiterSeat; position: Position }> {
    const seat = await this.access.seat(user);
    const position = await this.agencies.findPosition(id);
    if (!position) throw notFound('That position');
    await this.access.requireWorkOn(seat, position);
    return { seat, position: await this.positions.findOrFail(id) };
  }

  /** The brief as the published version says it, the selection steps in plain words, and the form's questions. */
  async brief(user: User, id: number) {
    const { position } = await this.positionFor(user, id);
    const [version, config] = await Promise.all([
      this.publishing.versionOrFail(position.id, position.publishedVersion!),
      this.vetting.configFor(position.id),
    ]);
    return {
      position,
      brief: briefOf(version.snapshot),
      steps: selectionSteps(config),
      questions: this.intake.questionsOf(position),
      wordLimit: position.answerWordLimit,
    };
  }

  /**
   * Puts the candidate forward. The submission is recorded in the intake's transaction: credited to the agency with a
   * new application, or marked already known (Keeper met the candidate within 12 months) and credited to nobody.
   */
  async submit(user: User, id: number, dto: SubmissionDto, resume: Upload | null): Promise<AgencySubmission> {
    const { seat, position } = await this.positionFor(user, id);
    const answers = dto.answers ?? {};
    const errors = this.intake.checkAnswers(position, answers);
    if (!resume) errors.resume = ['Choose the candidate’s resume (PDF or Word)'];
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    let saved: AgencySubmission | null = null;
    const agency = seat.membership.agency;
    await this.intake.receive(
      position,
      {
        name: dto.name,
        email: dto.email,
        phone: dto.phone,
        location: dto.location,
        timeZone: dto.timeZone,
        answers,
        resume,
      },
      { kind: 'agency', recruiter: user, agencyId: agency.id, agencyName: agency.name },
      async (result: IntakeResult) => {
        const alreadyKnown = result.result !== 'applied';
        saved = await this.agencies.saveSubmission({
          agencyId: agency.id,
          recruiterId: user.id,
          positionId: position.id,
          candidateId: result.candidate.id,
          applicationId: alreadyKnown ? null : result.application!.id,
          alreadyKnown,
          note: dto.note ?? null,
        });
      },
    );
    return saved!;
  }

  async submissionsOf(user: User, page: PageRequest) {
    const seat = await this.access.seat(user);
    return this.agencies.submissionsBy(seat.user.id, page);
  }

  async submission(user: User, id: number): Promise<AgencySubmission> {
    return this.access.ownSubmission(await this.access.seat(user), id);
  }
}
