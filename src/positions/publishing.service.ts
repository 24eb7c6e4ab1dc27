import { Injectable } from '@nestjs/common';
import { diffArrays, diffWords } from 'diff';
import { randomBytes } from 'node:crypto';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { PlanTemplatesService, STALE_FORM } from '../development/plan-templates.service.js';
import { planCompleteness, type PlanIssue } from '../development/plan-view.js';
import type { PlanTemplate } from '../development/entities/plan-template.entity.js';
import { CheckPhrasesService } from './check-phrases.service.js';
import type { PositionVersion } from './entities/position-version.entity.js';
import type { Position, PositionStatus } from './entities/position.entity.js';
import { checkPosition, type CheckResult } from './outcome-check.js';
import { CompanyService } from '../company/company.service.js';
import { renderPlanPdf, renderPositionPdf, type PdfBrand } from './position-pdf.js';
import type { PositionSnapshot } from './position-snapshot.js';
import { PositionsAccess } from './positions.access.js';
import { PositionsRepository, type VettingSetup } from './positions.repository.js';
import { PositionsService } from './positions.service.js';

/** What readiness needs from other steps of the method: the interview kit and the vetting steps. */
export interface PositionSetup {
  kitPublished: boolean;
  vetting: VettingSetup | null;
}

export interface Readiness {
  ready: boolean;
  items: { label: string; missing: string; done: boolean; details: string[] }[];
}

/** Which status may follow which; publishing (a new version) is its own action. */
const NEXT_STATUSES: Record<PositionStatus, PositionStatus[]> = {
  draft: ['closed'],
  published: ['on-hold', 'filled', 'closed'],
  'on-hold': ['published', 'closed'],
  filled: ['closed'],
  closed: [],
};

export const STATUS_LABELS: Record<PositionStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  'on-hold': 'On hold',
  filled: 'Filled',
  closed: 'Closed',
};

type DiffPart = { text: string; change: 'added' | 'removed' | 'same' };

/** The outcome check, publishing immutable versions, status changes, readiness, version diffs and share links. */
@Injectable()
export class PublishingService {
  constructor(
    private readonly positions: PositionsRepository,
    private readonly writing: PositionsService,
    private readonly phrases: CheckPhrasesService,
    private readonly plans: PlanTemplatesService,
    private readonly access: PositionsAccess,
    private readonly company: CompanyService,
  ) {}

  async check(position: Position): Promise<CheckResult> {
    return checkPosition(
      {
        title: position.title,
        mission: position.mission,
        description: position.description,
        outcomes: position.outcomes,
      },
      await this.phrases.phrases(),
    );
  }

  readiness(position: Position, plan: PlanTemplate | null, check: CheckResult, setup: PositionSetup): Readiness {
    const planIssues: PlanIssue[] = planCompleteness(plan, position.outcomes);
    const { kitPublished } = setup;
    const vettingIssues = vettingIssuesOf(setup.vetting);
    const items = [
      {
        label: 'Outcomes pass the outcome check',
        missing: 'the outcome check finds errors',
        done: check.errors.length === 0,
        details: check.errors.map((issue) => issue.message),
      },
      {
        label: 'First-year development plan is complete',
        missing: 'the development plan is incomplete',
        done: planIssues.length === 0,
        details: planIssues.map((issue) => issue.message),
      },
      {
        label: 'Vetting steps are chosen',
        missing: 'the vetting steps are not chosen',
        done: vettingIssues.length === 0,
        details: vettingIssues,
      },
      {
        label: 'Interview kit is published',
        missing: 'the interview kit is not published',
        done: kitPublished,
        details: kitPublished
          ? []
          : ['Build the interview kit: questions that, with the vetting steps, probe every outcome.'],
      },
      {
        label: 'A version is published',
        missing: position.status === 'on-hold' ? 'the position is on hold' : 'no version is published',
        done: position.status === 'published',
        details:
          position.status === 'published' ? [] : [`The position is ${STATUS_LABELS[position.status].toLowerCase()}.`],
      },
    ];
    return { ready: items.every((item) => item.done), items };
  }

  /** The interview kit's and the vetting steps' part of readiness, loaded. */
  async setupOf(positionId: number): Promise<PositionSetup> {
    return (await this.setupsOf([positionId])).get(positionId)!;
  }

  /** The same for several positions, in two statements whatever their number. */
  private async setupsOf(positionIds: number[]): Promise<Map<number, PositionSetup>> {
    const [kits, vetting] = await Promise.all([
      this.positions.kitsPublished(positionIds),
      this.positions.vettingSetups(positionIds),
    ]);
    return new Map(positionIds.map((id) => [id, { kitPublished: kits.has(id), vetting: vetting.get(id) ?? null }]));
  }

  /** The whole "Ready to recruit" checklist for a position, loaded. */
  async readinessOf(positionId: number): Promise<Readiness> {
    const { position, plan } = await this.writing.findWithPlan(positionId);
    return this.readiness(position, plan, await this.check(position), await this.setupOf(position.id));
  }

  /** The user's open positions that are not ready to recruit, and what each still needs. */
  async notReadyFor(user: User): Promise<{ id: number; title: string; missing: string[] }[]> {
    const positions = await this.positions.findOpen(this.access.managedBy(user), 10);
    if (positions.length === 0) return [];
    const ids = positions.map((position) => position.id);
    const [plans, setups] = await Promise.all([this.plans.findByPositions(ids), this.setupsOf(ids)]);
    const result = [];
    for (const position of positions) {
      const plan = plans.find((candidate) => candidate.positionId === position.id) ?? null;
      const readiness = this.readiness(position, plan, await this.check(position), setups.get(position.id)!);
      if (!readiness.ready)
        result.push({
          id: position.id,
          title: position.title,
          missing: readiness.items.filter((item) => !item.done).map((item) => item.missing),
        });
    }
    return result;
  }

  async publish(user: User, id: number, lockVersion: number, acknowledged: boolean): Promise<PositionVersion> {
    const { position, plan } = await this.writing.findWithPlan(id);
    this.access.require(user, 'position.edit', position);
    if (lockVersion !== position.lockVersion) throw new FormInvalidError({ _form: [STALE_FORM] }, 'conflict');
    if (!['draft', 'published', 'on-hold'].includes(position.status)) {
      throw new DomainError(
        'conflict',
        `A ${STATUS_LABELS[position.status].toLowerCase()} position cannot be published.`,
      );
    }
    const check = await this.check(position);
    if (check.errors.length > 0) {
      throw new FormInvalidError({
        _form: [
          `Publishing needs the outcome check to pass: ${check.errors.length} ${check.errors.length === 1 ? 'error remains' : 'errors remain'}.`,
        ],
      });
    }
    if (check.warnings.length > 0 && !acknowledged) {
      throw FormInvalidError.single('acknowledgeWarnings', 'Read the warnings and tick the box to publish anyway');
    }
    const number = (position.publishedVersion ?? 0) + 1;
    return this.positions.transaction(async () => {
      const version = await this.positions.saveVersion({
        positionId: id,
        number,
        snapshot: this.writing.snapshotOf(position, plan),
        acknowledgedWarnings: check.warnings.map((warning) => warning.message),
        publishedById: user.id,
        publishedAt: new Date(),
      });
      const from = position.status;
      position.status = 'published';
      position.publishedVersion = number;
      await this.positions.savePosition(position);
      const acknowledgement =
        check.warnings.length > 0
          ? `, acknowledging ${check.warnings.length} ${check.warnings.length === 1 ? 'warning' : 'warnings'}`
          : '';
      await this.positions.addEvent({
        positionId: id,
        byId: user.id,
        summary: `Published version ${number}${acknowledgement}`,
        fromStatus: from,
        toStatus: 'published',
      });
      return version;
    });
  }

  async changeStatus(user: User, id: number, status: PositionStatus): Promise<Position> {
    const position = await this.writing.requireEditable(user, id);
    if (!NEXT_STATUSES[position.status].includes(status)) {
      throw new DomainError(
        'conflict',
        `A ${STATUS_LABELS[position.status].toLowerCase()} position cannot become ${STATUS_LABELS[status].toLowerCase()}.`,
      );
    }
    if (status === 'published' && !position.publishedVersion)
      throw new DomainError('conflict', 'Publish a first version instead.');
    const from = position.status;
    position.status = status;
    return this.positions.transaction(async () => {
      const saved = await this.positions.savePosition(position);
      await this.positions.addEvent({
        positionId: id,
        byId: user.id,
        summary: `Changed status to ${STATUS_LABELS[status].toLowerCase()}`,
        fromStatus: from,
        toStatus: status,
      });
      return saved;
    });
  }

  nextStatuses(position: Position): PositionStatus[] {
    return NEXT_STATUSES[position.status].filter(
      (status) => status !== 'published' || position.publishedVersion !== null,
    );
  }

  versions(id: number) {
    return this.positions.findVersions(id);
  }

  async versionOrFail(id: number, number: number): Promise<PositionVersion> {
    const version = await this.positions.findVersion(id, number);
    if (!version) throw notFound(`Version ${number}`);
    return version;
  }

  /** True when the working copy says something the latest published version does not. */
  async hasUnpublishedChanges(position: Position, plan: PlanTemplate | null): Promise<boolean> {
    if (!position.publishedVersion) return false;
    const latest = await this.positions.findVersion(position.id, position.publishedVersion);
    return JSON.stringify(latest?.snapshot) !== JSON.stringify(this.writing.snapshotOf(position, plan));
  }

  /** What changed between two versions: a word diff per field, and outcome sentences added or removed. */
  compare(from: PositionSnapshot, to: PositionSnapshot) {
    const words = (a: string | null, b: string | null): DiffPart[] =>
      diffWords(a ?? '', b ?? '').map((part) => ({
        text: part.value,
        change: part.added ? 'added' : part.removed ? 'removed' : 'same',
      }));
    const fields = (
      [
        ['Title', from.title, to.title],
        ['Team', from.team, to.team],
        ['Target market', from.targetMarket, to.targetMarket],
        ['Location', from.location, to.location],
        ['Workplace', from.workplace, to.workplace],
        ['Headcount', String(from.headcount), String(to.headcount)],
        ['Compensation', from.compensation, to.compensation],
        ['Hiring manager', from.hiringManager, to.hiringManager],
        ['Mission', from.mission, to.mission],
        ['Description', from.description, to.description],
      ] as [string, string | null, string | null][]
    )
      .filter(([, a, b]) => (a ?? '') !== (b ?? ''))
      .map(([label, a, b]) => ({ label, parts: words(a, b) }));
    const lines = (snapshot: PositionSnapshot) =>
      snapshot.outcomes.map((outcome) => `${outcome.sentence}${outcome.weight ? ` (weight ${outcome.weight}%)` : ''}`);
    const planLines = (snapshot: PositionSnapshot) => [
      ...snapshot.plan.phases.flatMap((phase) => [
        `${phase.name}, ${phase.months}`,
        ...phase.milestones.map((m) => `${phase.name} · month ${m.month}: ${m.text}`),
      ]),
      ...snapshot.plan.learningAreas.map((area) => `Learning: ${area.name} — ${area.weeklyHabit}`),
      `Coaching: ${snapshot.plan.coachingCadence ?? '—'} (${snapshot.plan.coach ?? '—'})`,
    ];
    const listDiff = (a: string[], b: string[]) =>
      diffArrays(a, b).flatMap((part) =>
        part.value.map((text) => ({ text, change: part.added ? 'added' : part.removed ? 'removed' : 'same' })),
      );
    const outcomes = listDiff(lines(from), lines(to));
    const plan = listDiff(planLines(from), planLines(to));
    return {
      fields,
      outcomes,
      plan,
      planChanged: plan.some((line) => line.change !== 'same'),
      unchanged: fields.length === 0 && [...outcomes, ...plan].every((line) => line.change === 'same'),
    };
  }

  async shareLinks(id: number) {
    return this.positions.findActiveShareLinks(id);
  }

  async createShareLink(user: User, id: number): Promise<void> {
    const position = await this.writing.requireEditable(user, id);
    if (!position.publishedVersion) throw new DomainError('conflict', 'Publish the position before sharing it.');
    await this.positions.saveShareLink({
      positionId: id,
      token: randomBytes(24).toString('base64url'),
      createdById: user.id,
    });
    await this.positions.addEvent({ positionId: id, byId: user.id, summary: 'Created a recruiter share link' });
  }

  async revokeShareLink(user: User, id: number, linkId: number): Promise<void> {
    await this.writing.requireEditable(user, id);
    if (!(await this.positions.revokeShareLink(id, linkId))) throw notFound('That share link');
    await this.positions.addEvent({ positionId: id, byId: user.id, summary: 'Revoked a recruiter share link' });
  }

  /** The description or the plan as a PDF: of the published version, or of the draft when none is. */
  async pdf(id: number, kind: 'description' | 'plan'): Promise<{ data: Buffer; fileName: string }> {
    const { snapshot, label } = await this.pdfSource(id);
    return this.renderPdf(snapshot, label, kind);
  }

  /** The description or the plan of one published version as a PDF, in the company's name: what a candidate gets. */
  async versionPdf(
    positionId: number,
    versionNumber: number,
    kind: 'description' | 'plan',
  ): Promise<{ data: Buffer; fileName: string }> {
    const version = await this.versionOrFail(positionId, versionNumber);
    return this.renderPdf(version.snapshot, `Published ${version.publishedAt.toISOString().slice(0, 10)}`, kind);
  }

  private async renderPdf(
    snapshot: PositionSnapshot,
    label: string,
    kind: 'description' | 'plan',
  ): Promise<{ data: Buffer; fileName: string }> {
    const slug =
      snapshot.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'position';
    const brand = await this.pdfBrand();
    return kind === 'description'
      ? { data: await renderPositionPdf(snapshot, label, brand), fileName: `${slug}.pdf` }
      : { data: await renderPlanPdf(snapshot, label, brand), fileName: `${slug}-plan.pdf` };
  }

  private async pdfBrand(): Promise<PdfBrand> {
    const [{ companyName }, logo] = await Promise.all([this.company.profile(), this.company.logo()]);
    return { companyName, logoPng: logo?.kind === 'png' ? logo.data : null };
  }

  private async pdfSource(id: number): Promise<{ snapshot: PositionSnapshot; label: string }> {
    const { position, plan } = await this.writing.findWithPlan(id);
    if (!position.publishedVersion)
      return {
        snapshot: this.writing.snapshotOf(position, plan),
        label: 'Draft — not published',
      };
    const version = await this.versionOrFail(id, position.publishedVersion);
    return {
      snapshot: version.snapshot,
      label: `Version ${version.number} · published ${version.publishedAt.toISOString().slice(0, 10)}`,
    };
  }

  /** What a recruiter's link shows: the latest published version only. */
  async sharedVersion(token: string): Promise<PositionVersion> {
    const link = await this.positions.findActiveShareLink(token);
    const position = link ? await this.positions.findWithOutcomes(link.positionId) : null;
    if (!link || !position?.publishedVersion || !['published', 'on-hold'].includes(position.status))
      throw notFound('That page');
    return this.versionOrFail(position.id, position.publishedVersion);
  }
}

/** Why the vetting steps cannot vet yet: at least one step chosen, and a writing test with a prompt and two graders. */
function vettingIssuesOf(vetting: VettingSetup | null): string[] {
  if (!vetting) return ['Choose the vetting steps: what candidates do before any interview.'];
  const issues: string[] = [];
  if (!vetting.assessmentRequired && !vetting.writingRequired && !vetting.presentationRequired)
    issues.push('Choose at least one vetting step: no candidate should reach an interview unvetted.');
  if (vetting.writingRequired && vetting.prompts === 0) issues.push('Write at least one writing-test prompt.');
  if (vetting.writingRequired && vetting.graders < 2)
    issues.push(
      `Choose two blind graders who have accepted their invitation (${vetting.graders === 1 ? 'one is' : 'none are'} chosen).`,
    );
  return issues;
}
