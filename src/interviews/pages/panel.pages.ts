import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../../common/decorators.js';
import { PresentationService } from '../../vetting/presentation.service.js';
import { VettingService } from '../../vetting/vetting.service.js';
import {
  DECISION_LABELS,
  DECISIONS,
  PLAN_REACTION_LABELS,
  PLAN_REACTIONS,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
} from '../entities/interview.entity.js';
import { DECISION_EFFECTS, interviewSummary, panelStatus, RUBRIC_LEVELS } from '../interviews.view.js';
import { hasStarted, PanelService } from '../panel.service.js';

type PostedRatings = Record<string, { rating?: unknown; evidence?: unknown } | undefined>;

/** An interview for its panel and its hiring manager: preparation, the kit, the candidate's files and vetting. */
@Injectable()
export class InterviewPage {
  readonly view = 'interviews/show';

  constructor(
    private readonly panel: PanelService,
    private readonly vetting: VettingService,
    private readonly presentations: PresentationService,
  ) {}

  async build({ user, id }: PageRequest) {
    const { interview, seat, canChange } = await this.panel.open(user, id);
    const application = interview.application;
    const [gate, presentation] = await Promise.all([
      this.vetting.gate(application.positionId, application.id),
      this.presentations.forApplication(application.id),
    ]);
    const scores = presentation ? await this.presentations.scoresOf(presentation.id) : [];
    const allScored = scores.length > 0 && scores.every((score) => score.submittedAt);
    const allIn = interview.panelists.every((panelist) => panelist.submittedAt);
    return {
      title: `Interview · ${application.candidate.name}`,
      interview: interviewSummary(interview),
      instructions: interview.instructions,
      questions: interview.questions.map((question, index) => ({
        ...question,
        number: index + 1,
        levels: question.rubric.map((text, level) => ({ level: level + 1, name: RUBRIC_LEVELS[level], text })),
      })),
      outcomes: interview.outcomes,
      panel: panelStatus(interview.panelists),
      seat: seat ? { preparedAt: seat.preparedAt, submittedAt: seat.submittedAt, lead: seat.lead } : null,
      canChange,
      debriefOpen: allIn && !interview.cancelledAt,
      decided: interview.decision ? DECISION_LABELS[interview.decision] : null,
      resume: application.candidate.resumeFile ? { fileName: application.candidate.resumeFile.fileName } : null,
      vetting: gate.steps,
      presentation: {
        fileName: presentation?.deckFile?.fileName ?? null,
        scores: allScored ? scores.map((score) => ({ evaluator: score.evaluator.name, overall: score.overall })) : [],
      },
      candidateEmail: application.candidate.email,
    };
  }
}

/** The panelist's own scorecard; `prepared: false` while they have not marked themselves prepared (it stays closed). */
@Injectable()
export class ScorecardPage implements FormPage {
  readonly view = 'interviews/scorecard';

  constructor(private readonly panel: PanelService) {}

  async build({ user, id, body }: PageRequest) {
    const { interview, seat, sheet } = await this.panel.scorecard(user, id);
    if (!seat.preparedAt) return { prepared: false };
    const posted = body as { ratings?: PostedRatings; [field: string]: unknown } | null;
    const source = posted ?? sheet;
    return {
      prepared: true,
      title: `Scorecard · ${interview.application.candidate.name}`,
      interview: interviewSummary(interview),
      submittedAt: seat.submittedAt,
      closed: Boolean(interview.decidedAt),
      notStarted: !hasStarted(interview),
      questions: interview.questions.map((question, index) => {
        const key = String(question.questionId);
        const entry = (posted ? posted.ratings?.[`q${key}`] : sheet.ratings[key]) ?? {};
        return {
          key,
          number: index + 1,
          text: question.text,
          followUps: question.followUps,
          evidence: entry.evidence ?? '',
          levels: question.rubric.map((text, level) => ({
            value: level + 1,
            name: RUBRIC_LEVELS[level],
            text,
            checked: String(entry.rating ?? '') === String(level + 1),
          })),
        };
      }),
      reactions: PLAN_REACTIONS.map((value) => ({
        value,
        label: PLAN_REACTION_LABELS[value],
        checked: source.planReaction === value,
      })),
      planNotes: source.planNotes ?? '',
      recommendations: RECOMMENDATIONS.map((value) => ({
        value,
        label: RECOMMENDATION_LABELS[value],
        checked: source.recommendation === value,
      })),
    };
  }
}

/** The debrief: every scorecard side by side, the edit history, and the decision for whoever may take it. */
@Injectable()
export class DebriefPage implements FormPage {
  readonly view = 'interviews/debrief';

  constructor(
    private readonly panel: PanelService,
    private readonly vetting: VettingService,
  ) {}

  async build({ user, id, body }: PageRequest) {
    const debrief = await this.panel.debrief(user, id);
    const { interview } = debrief;
    const application = interview.application;
    const gate = await this.vetting.gate(application.positionId, application.id);
    const posted = body ?? {};
    return {
      title: `Debrief · ${application.candidate.name}`,
      interview: interviewSummary(interview),
      panelists: interview.panelists.map((seat) => ({
        name: seat.user.name,
        lead: seat.lead,
        recommendation: seat.recommendation ? RECOMMENDATION_LABELS[seat.recommendation] : '—',
        recommendationKey: seat.recommendation,
        reaction: seat.planReaction ? PLAN_REACTION_LABELS[seat.planReaction] : '—',
        reactionKey: seat.planReaction,
        planNotes: seat.planNotes,
      })),
      matrix: debrief.matrix.map((row) => ({
        text: row.question.text,
        spread: row.spread,
        mean: row.mean === null ? '—' : row.mean.toFixed(1),
        cells: row.cells,
      })),
      outcomeMeans: debrief.outcomeMeans.map((outcome) => ({
        label: outcome.label,
        mean: outcome.mean === null ? 'not probed in the interview' : outcome.mean.toFixed(1),
        ratings: outcome.ratings,
      })),
      vetting: gate.steps,
      edits: debrief.edits.map((edit) => ({ by: edit.by, at: edit.createdAt, changes: edit.changes })),
      decision: interview.decision
        ? {
            label: DECISION_LABELS[interview.decision],
            rationale: interview.rationale,
            by: interview.decidedBy?.name ?? '',
            at: interview.decidedAt,
          }
        : null,
      canDecide: debrief.canDecide,
      decisions: DECISIONS.map((value) => ({
        value,
        label: DECISION_LABELS[value],
        effect: DECISION_EFFECTS[value],
        checked: posted.decision === value,
      })),
      reasons: debrief.reasons.map((reason) => ({ value: String(reason.id), label: reason.label })),
      values: { rationale: posted.rationale ?? '', reasonId: posted.reasonId ?? '' },
    };
  }
}
