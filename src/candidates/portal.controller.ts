import { Body, Controller, Get, Param, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FormView, Public } from '../common/decorators.js';
import { FormInvalidError } from '../common/errors.js';
import { flash } from '../common/flash.js';
import { seeOther } from '../common/redirect.js';
import { PublishingService } from '../positions/publishing.service.js';
import { UploadedFileOf, type Upload } from '../files/upload.js';
import { PortalService } from '../vetting/portal.service.js';
import { PresentationService } from '../vetting/presentation.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { countWords, WritingTestService } from '../vetting/writing-test.service.js';
import { InterviewsRepository } from '../interviews/interviews.repository.js';
import { interviewTimeText } from '../interviews/interview-time.js';

export class WritingDto {
  @IsOptional() @IsString() @MaxLength(30000) text: string = '';
  @IsIn(['save', 'submit']) intent: 'save' | 'submit';
  @IsOptional() @IsIn(['1']) confirm?: '1';
}

/** The candidate portal: reached only through the candidate's private link, never with an account. */
@Controller('portal/:token')
@Public()
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly writing: WritingTestService,
    private readonly vetting: VettingService,
    private readonly publishing: PublishingService,
    private readonly presentations: PresentationService,
    private readonly interviews: InterviewsRepository,
  ) {}

  @Get()
  @Render('portal/home')
  home(@Req() req: Request) {
    return this.homeModel(req);
  }

  async homeModel(req: Request) {
    const token = req.params.token as string;
    const application = await this.portal.open(token);
    const [version, config, submission, presentation, interviews] = await Promise.all([
      this.publishing.versionOrFail(application.positionId, application.positionVersion),
      this.vetting.configFor(application.positionId),
      this.writing.submissionFor(application),
      this.presentations.forApplication(application.id),
      this.interviews.upcomingFor(application.id, new Date()),
    ]);
    if (application.planSharedAt && !application.planOpenedAt) await this.portal.recordPlanOpened(application.id);
    return {
      interviews: interviews.map((interview) => ({
        when: interviewTimeText(interview.startsAt, interview.durationMinutes, interview.timeZone),
        location: interview.location,
        isLink: /^https?:\/\//.test(interview.location),
        panel: interview.panelists.map((seat) => seat.user.name).join(', '),
      })),
      planShared: Boolean(application.planSharedAt),
      presentation: config.presentationRequired
        ? {
            brief: config.presentationBrief,
            uploadedAt: presentation?.uploadedAt ?? null,
            fileName: presentation?.deckFile?.fileName ?? null,
            sessionAt: presentation?.sessionAt ?? null,
          }
        : null,
      title: `Your application: ${version.snapshot.title}`,
      token,
      candidateName: application.candidate.name,
      snapshot: version.snapshot,
      writing: config.writingRequired
        ? {
            state: submission?.submittedAt ? 'Submitted' : submission ? 'Started' : 'Not started',
            submittedAt: submission?.submittedAt ?? null,
            deadlineAt: submission?.submittedAt ? null : (submission?.deadlineAt ?? null),
            minWords: config.writingMinWords,
            maxWords: config.writingMaxWords,
            timeLimit: config.writingTimeLimitMinutes,
          }
        : null,
    };
  }

  @Post('presentation')
  @FormView('portal/home', 'homeModel')
  @Redirect()
  async uploadDeck(@Param('token') token: string, @UploadedFileOf('deck') deck: Upload | null, @Req() req: Request) {
    await this.presentations.upload(await this.portal.open(token), deck);
    flash(req, 'success', 'Thank you: your presentation is uploaded. We will write to you about the session.');
    return seeOther(`/portal/${token}`);
  }

  @Get('writing')
  @Render('portal/writing')
  writingPage(@Req() req: Request) {
    return this.writingModel(req);
  }

  @Post('writing/start')
  @Redirect()
  async start(@Param('token') token: string) {
    await this.writing.start(await this.portal.open(token));
    return seeOther(`/portal/${token}/writing`);
  }

  @Post('writing')
  @FormView('portal/writing', 'writingModel')
  @Redirect()
  async save(@Param('token') token: string, @Body() dto: WritingDto, @Req() req: Request) {
    const application = await this.portal.open(token);
    if (dto.intent === 'submit' && dto.confirm !== '1') {
      throw FormInvalidError.single('confirm', 'Tick the box to confirm: a submitted test cannot be changed');
    }
    const { late, submission } = await this.writing.save(application, dto.text, dto.intent === 'submit');
    if (late) flash(req, 'warning', 'The time limit had passed, so your last saved draft was submitted.');
    else if (submission.submittedAt) flash(req, 'success', 'Thank you: your writing test is submitted.');
    else flash(req, 'success', 'Draft saved. You can close this page and come back to it.');
    return seeOther(submission.submittedAt ? `/portal/${token}` : `/portal/${token}/writing`);
  }

  async writingModel(req: Request) {
    const token = req.params.token as string;
    const application = await this.portal.open(token);
    const [config, submission] = await Promise.all([
      this.vetting.configFor(application.positionId),
      this.writing.submissionFor(application),
    ]);
    const draft = submission?.draft ?? '';
    return {
      title: 'Writing test',
      token,
      positionTitle: application.position.title,
      started: Boolean(submission),
      submitted: Boolean(submission?.submittedAt),
      submission: submission
        ? {
            prompt: submission.prompt,
            deadlineAt: submission.deadlineAt,
            draftSavedAt: submission.draftSavedAt,
            submittedAt: submission.submittedAt,
            words: countWords(draft),
          }
        : null,
      values: { text: draft },
      minWords: config.writingMinWords,
      maxWords: config.writingMaxWords,
      timeLimit: config.writingTimeLimitMinutes,
    };
  }
}
