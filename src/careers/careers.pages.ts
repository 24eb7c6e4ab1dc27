import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { formatDay } from '../common/dates.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { CompanyService } from '../company/company.service.js';
import { AppConfig } from '../config/app-config.js';
import { formQuestions, type Dimension } from '../self-identification/self-identification.js';
import { SelfIdentificationService } from '../self-identification/self-identification.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { CareersSiteService } from './careers-site.service.js';
import { placeText, planSummary, selectionSteps, shorten } from './careers.view.js';
import type { CareersQueryDto } from './dto/careers.dto.js';
import { IntakeService } from './intake.service.js';
import { jobPosting } from './job-posting.js';

/** The question every outcome on the form asks. */
export const OUTCOME_QUESTION = 'How would you approach this in your first ten months?';

/** /careers: the company's introduction and its open positions. */
@Injectable()
export class CareersListPage {
  readonly view = 'careers/index';

  constructor(
    private readonly site: CareersSiteService,
    private readonly company: CompanyService,
    private readonly config: AppConfig,
  ) {}

  async build(query: CareersQueryDto) {
    const [list, { companyName, introduction }] = await Promise.all([this.site.list(query), this.company.profile()]);
    const description = shorten(introduction ?? `Open positions at ${companyName}.`, 160);
    return {
      ...list,
      title: list.place ? `Open positions in ${list.place}` : 'Open positions',
      introduction,
      meta: {
        description,
        // Filtered and later pages are views of the one list.
        canonical: list.place || list.pagination.page > 1 ? null : this.config.link('/careers'),
        ogType: 'website',
      },
    };
  }
}

/** A position's public page with its application form; the same page comes back with errors when the form has them. */
@Injectable()
export class CareersPositionPage implements FormPage<undefined> {
  readonly view = 'careers/position';

  constructor(
    private readonly site: CareersSiteService,
    private readonly company: CompanyService,
    private readonly vetting: VettingService,
    private readonly intake: IntakeService,
    private readonly config: AppConfig,
    private readonly selfId: SelfIdentificationService,
  ) {}

  async build({ params = {}, body }: PageRequest<User | undefined>) {
    const { position, snapshot, canonicalPath } = await this.site.open(params.ref ?? '');
    const [config, notice, { companyName }, asksSelfId] = await Promise.all([
      this.vetting.configFor(position.id),
      this.company.currentNotice(),
      this.company.profile(),
      this.selfId.asksFor(position),
    ]);
    const url = this.config.link(canonicalPath);
    const firstOutcome = snapshot.outcomes[0]?.sentence;
    return {
      title: snapshot.title,
      canonicalPath,
      meta: {
        description: shorten(
          `${companyName} is hiring: ${snapshot.title}. ${firstOutcome ?? snapshot.mission ?? ''}`.trim(),
          160,
        ),
        canonical: url,
        ogType: 'website',
        jsonLd: jobPosting({ position, snapshot, companyName, url }),
      },
      position: {
        title: snapshot.title,
        place: placeText(snapshot.location, snapshot.workplace),
        team: snapshot.team,
        compensation: snapshot.compensation,
        mission: snapshot.mission,
        description: snapshot.description,
        outcomes: snapshot.outcomes.map((outcome) => outcome.sentence),
      },
      plan: planSummary(snapshot.plan),
      selection: selectionSteps(config),
      form: {
        action: canonicalPath,
        question: OUTCOME_QUESTION,
        questions: this.intake.questionsOf(position),
        wordLimit: position.answerWordLimit,
        notice: notice ? { version: notice.version } : null,
        // The voluntary section keeps what the visitor chose when the form comes back with errors.
        selfIdentification: asksSelfId
          ? formQuestions(
              Object.fromEntries(
                Object.entries(body ?? {}).map(([field, value]) => [field.replace(/^eeo_/, '') as Dimension, value]),
              ),
            )
          : null,
      },
    };
  }
}

/** After applying: thanks (or "you applied before"), with nothing about the visitor in the address. */
@Injectable()
export class CareersAfterPage {
  constructor(private readonly site: CareersSiteService) {}

  async build(ref: string, title: string) {
    const position = await this.site.listedOnce(ref);
    return { title, position, meta: { noindex: true } };
  }
}

/** /careers/privacy: the notice candidates accept, with how long their data is kept. */
@Injectable()
export class CareersPrivacyPage {
  constructor(private readonly company: CompanyService) {}

  async build() {
    const [notice, zone] = await Promise.all([this.company.currentNotice(), this.company.timeZone()]);
    return {
      title: 'Privacy notice for candidates',
      notice: notice
        ? {
            body: notice.body,
            retentionMonths: notice.retentionMonths,
            version: notice.version,
            since: formatDay(notice.createdAt, zone),
          }
        : null,
    };
  }
}
