import { Injectable } from '@nestjs/common';
import { AttemptLimitsService } from '../accounts/attempt-limits.service.js';
import { FormInvalidError, type FieldErrors } from '../common/errors.js';
import { validateForm } from '../common/validation.js';
import { CompanyService } from '../company/company.service.js';
import type { PrivacyNotice } from '../company/entities/privacy-notice.entity.js';
import { kindRefusal, type UploadState } from '../files/upload.js';
import type { Position } from '../positions/entities/position.entity.js';
import { answersIn, isSelfIdentificationField } from '../self-identification/self-identification.js';
import { SelfIdentificationService } from '../self-identification/self-identification.service.js';
import { CareersSiteService } from './careers-site.service.js';
import { ApplicationFormDto } from './dto/careers.dto.js';
import { IntakeService, type IntakeForm } from './intake.service.js';

/** More characters than any answer within a word limit needs; longer text is refused before words are counted. */
const MAX_ANSWER_CHARS = 10_000;

const isAnswerField = (field: string) => /^answer_\d+$/.test(field);

/**
 * The careers site's application form: every problem reported at once (fields, answers, the resume), spam kept out
 * (a honeypot and a limit per address), and a valid application handed to the intake.
 */
@Injectable()
export class ApplyService {
  constructor(
    private readonly site: CareersSiteService,
    private readonly intake: IntakeService,
    private readonly company: CompanyService,
    private readonly limits: AttemptLimitsService,
    private readonly selfId: SelfIdentificationService,
  ) {}

  /** Receives the form; returns where to send the visitor next (a page without personal data in its address). */
  async apply(ref: string, body: Record<string, unknown>, resume: UploadState, address: string): Promise<string> {
    const { position, canonicalPath } = await this.site.open(ref);
    // A bot that filled the hidden field is thanked like anyone, and nothing is stored or mailed.
    if (body.website !== undefined && body.website !== '') return `${canonicalPath}/thank-you`;
    const notice = await this.company.currentNotice();
    const form = await this.check(position, body, resume, notice);
    await this.limits.startApplication(address);
    // Voluntary answers are stored apart, with a new application only, in its transaction.
    const selfId = (await this.selfId.asksFor(position)) ? answersIn(body) : null;
    const { result } = await this.intake.receive(
      position,
      form,
      { kind: 'careers', privacyNoticeVersion: notice?.version ?? null },
      async (stored) => {
        if (selfId && stored.result === 'applied') await this.selfId.record(stored.application.id, selfId);
      },
    );
    return `${canonicalPath}/${result === 'already-applied' ? 'already-applied' : 'thank-you'}`;
  }

  /** The form as the intake takes it, or every error in the order of the form's fields. */
  private async check(
    position: Position,
    body: Record<string, unknown>,
    resume: UploadState,
    notice: PrivacyNotice | null,
  ): Promise<IntakeForm> {
    const { form, errors } = await validateForm(
      ApplicationFormDto,
      body,
      (field) => isAnswerField(field) || isSelfIdentificationField(field),
    );
    const questions = this.intake.questionsOf(position);
    const answers: IntakeForm['answers'] = Object.fromEntries(
      questions.map(({ field }) => [field, typeof body[field] === 'string' ? body[field] : undefined]),
    );
    const answerErrors = this.intake.checkAnswers(position, answers);
    for (const { field } of questions)
      if ((answers[field]?.length ?? 0) > MAX_ANSWER_CHARS) answerErrors[field] = ['Keep this answer shorter'];
    if (notice && !errors.privacyAccepted) {
      if (form.privacyAccepted !== '1')
        errors.privacyAccepted = ['Tick the box to confirm you have read the privacy notice'];
      else if (form.noticeVersion !== String(notice.version))
        errors.privacyAccepted = [
          'Our privacy notice changed while this page was open. Read the new version and send the form again.',
        ];
    }
    const resumeError = resume.error ?? (resume.upload ? kindRefusal(resume.upload, ['pdf', 'docx']) : null);
    if (resumeError) errors.resume = [resumeError];
    else if (!resume.upload) errors.resume = ['Choose your resume: a PDF or Word (DOCX) file'];
    const all = inFormOrder(
      { ...errors, ...answerErrors },
      questions.map((question) => question.field),
    );
    if (Object.keys(all).length) throw new FormInvalidError(all, resume.tooLarge ? 'too-large' : 'invalid');
    return {
      name: form.name,
      email: form.email,
      phone: form.phone,
      location: form.location,
      timeZone: form.timeZone,
      answers,
      resume: resume.upload,
    };
  }
}

/** The errors in the order the form shows its fields, so the summary reads top to bottom. */
function inFormOrder(errors: FieldErrors, answerFields: string[]): FieldErrors {
  const order = [
    'name',
    'email',
    'phone',
    'location',
    'timeZone',
    ...answerFields,
    'outcomesConfirmed',
    'privacyAccepted',
    'resume',
  ];
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
