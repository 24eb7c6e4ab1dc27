import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { formatDay, meetingOnPage } from '../common/dates.js';
import { CompanyService } from '../company/company.service.js';
import { AppConfig } from '../config/app-config.js';
import { OutboxRepository } from '../mail/outbox.repository.js';
import { PublishingService } from '../positions/publishing.service.js';
import { GradingService } from '../vetting/grading.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { InterviewsRepository } from '../interviews/interviews.repository.js';
import type { Interview } from '../interviews/entities/interview.entity.js';
import { PanelService } from '../interviews/panel.service.js';
import { HiresRepository } from '../hires/hires.repository.js';
import { onboardingWeek, progressOf } from '../hires/onboarding.service.js';
import { today } from '../hires/plan-dates.js';
import { dueThisWeek, taskView, toMeetNow } from '../hires/onboarding.view.js';
import { offPaceHires } from '../hires/development.service.js';
import { InsightsRepository } from '../insights/insights.repository.js';
import { DataRequestsService } from '../data-protection/data-requests.service.js';

export interface Todo {
  text: string;
  href: string;
  action: string;
  /** Shown highlighted: something is late. */
  overdue?: boolean;
}

/** Collects what needs the user's attention, per role. Later features add their own items here. */
@Injectable()
export class HomeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
    private readonly publishing: PublishingService,
    private readonly grading: GradingService,
    private readonly vetting: VettingService,
    private readonly interviews: InterviewsRepository,
    private readonly panel: PanelService,
    private readonly hires: HiresRepository,
    private readonly insights: InsightsRepository,
    private readonly company: CompanyService,
    private readonly dataRequests: DataRequestsService,
  ) {}

  /** The hiring manager's pipeline at a glance, each figure linked to where it can be acted on. */
  async pipelineHealth(user: User) {
    if (!user.hasRole('manager')) return null;
    const [counts, firstYear] = await Promise.all([
      this.insights.pipelineHealth(user.id, new Date(), today()),
      this.hires.firstYearOf(user.id),
    ]);
    const offPace = offPaceHires(firstYear);
    return { ...counts, offPace: offPace.length, offPaceNames: offPace.map((hire) => hire.user.name).join(', ') };
  }

  /** A new hire's own onboarding: progress, what is due this week, whom to meet. */
  async myOnboarding(user: User) {
    const [hire] = await this.hires.hiresOf(user.id);
    if (!hire) return null;
    const [tasks, connections] = await Promise.all([this.hires.tasksOf(hire.id), this.hires.connectionsOf(hire.id)]);
    const on = today();
    const week = onboardingWeek(hire.startDate, on);
    return {
      hireId: hire.id,
      week,
      started: hire.startDate <= on,
      startDate: hire.startDate,
      progress: progressOf(tasks, on),
      tasks: tasks
        .map((task) => ({ ...taskView(task, hire, user, on), returnTo: 'home' }))
        .filter((task) => dueThisWeek(task, hire.startDate, on)),
      connections: connections
        .filter((connection) => toMeetNow(connection, week))
        .map((connection) => ({ who: connection.user?.name ?? connection.name, why: connection.why })),
    };
  }

  /** Tasks this person owns on other people's onboarding plans ("a vested interest in the new hire's success"). */
  async tasksForOthers(user: User) {
    const on = today();
    return (await this.hires.openTasksOwnedBy(user.id)).map((task) => ({
      ...taskView(task, task.hire, user, on),
      newHire: task.hire.user.name,
      returnTo: 'home',
    }));
  }

  async todosFor(user: User): Promise<Todo[]> {
    const todos: Todo[] = [];
    const toGrade = await this.grading.pendingCount(user);
    if (toGrade > 0)
      todos.push({
        text: `${toGrade} ${toGrade === 1 ? 'writing test' : 'writing tests'} to grade, blind.`,
        href: '/grading',
        action: 'Grade',
      });
    todos.push(...(await this.panelTodos(user)));
    if (user.hasRole('manager')) todos.push(...(await this.managerTodos(user)));
    if (user.hasRole('admin')) todos.push(...(await this.adminTodos()));
    return todos;
  }

  /** The user's own seats on panels, then late scorecards on interviews they lead or hire for, then debriefs to decide. */
  private async panelTodos(user: User): Promise<Todo[]> {
    const now = new Date();
    const zone = await this.company.zoneFor(user.timeZone);
    const todos: Todo[] = (await this.interviews.openSeatsOf(user.id)).map((seat) => {
      const interview = seat.interview;
      const who = `${interview.application.candidate.name} (${interview.application.position.title})`;
      const when = meetingOnPage(interview.startsAt, interview.durationMinutes, zone, now);
      const overdue = interview.scorecardsDueAt < now;
      if (!seat.preparedAt) {
        return overdue
          ? {
              text: `Overdue: your scorecard for ${who}, interviewed ${when}. Mark yourself prepared, then submit it.`,
              href: `/interviews/${interview.id}`,
              action: 'Open',
              overdue,
            }
          : {
              text: `Prepare for the interview with ${who}, ${when}.`,
              href: `/interviews/${interview.id}`,
              action: 'Prepare',
            };
      }
      return {
        text: `${overdue ? 'Overdue: your' : 'Your'} scorecard for ${who}, interviewed ${when}.`,
        href: `/interviews/${interview.id}/scorecard`,
        action: 'Open scorecard',
        overdue,
      };
    });
    const watched = new Map<number, Interview>();
    const managed =
      user.hasRole('manager') || user.hasRole('admin') ? await this.interviews.openForManager(user.id) : [];
    for (const interview of [...(await this.interviews.openLedBy(user.id)), ...managed])
      watched.set(interview.id, interview);
    const late = this.panel.overdueSeats([...watched.values()], now).filter(({ seat }) => seat.userId !== user.id);
    for (const { interview, seat } of late) {
      todos.push({
        text: `Overdue: ${seat.user.name}’s scorecard for ${interview.application.candidate.name} was due 24 hours after the interview.`,
        href: `/interviews/${interview.id}`,
        action: 'See the panel',
        overdue: true,
      });
    }
    const managedIds = new Set(managed.map((interview) => interview.id));
    for (const interview of await this.interviews.openPanelsOf(user.id)) {
      if (!managedIds.has(interview.id) && interview.panelists.every((seat) => seat.submittedAt)) {
        todos.push({
          text: `Every scorecard for ${interview.application.candidate.name} (${interview.application.position.title}) is in: the debrief is open.`,
          href: `/interviews/${interview.id}/debrief`,
          action: 'Read the debrief',
        });
      }
    }
    for (const interview of managed) {
      if (interview.panelists.every((seat) => seat.submittedAt)) {
        todos.push({
          text: `Every scorecard for ${interview.application.candidate.name} (${interview.application.position.title}) is in: hold the debrief and decide.`,
          href: `/interviews/${interview.id}/debrief`,
          action: 'Open the debrief',
        });
      }
    }
    return todos;
  }

  private async managerTodos(user: User): Promise<Todo[]> {
    const overdue = (await this.hires.overdueTasksForManager(user.id, today())).filter(
      (task) => task.ownerId !== user.id,
    );
    const late: Todo[] = overdue.map((task) => ({
      text: `Overdue onboarding task for ${task.hire.user.name}: “${task.title}” (${task.owner?.name ?? task.ownerLabel ?? 'unassigned'}, due ${formatDay(task.dueOn)}).`,
      href: `/hires/${task.hireId}#task-${task.id}`,
      action: 'Open the plan',
      overdue: true,
    }));
    return [...late, ...(await this.pipelineTodos(user))];
  }

  private async pipelineTodos(user: User): Promise<Todo[]> {
    const ready = (await this.insights.readyCounts(user.id)).map((group) => ({
      text: `${group.count} ${group.count === 1 ? 'candidate for “' + group.title + '” has' : 'candidates for “' + group.title + '” have'} passed every vetting step and can move to Interview.`,
      href: `/positions/${group.positionId}/applications?stage=vetting`,
      action: 'See them',
    }));
    const positions = await this.publishing.notReadyFor(user);
    return [
      ...ready,
      ...positions.map((position) => ({
        text: `Position “${position.title}” is not ready to recruit: ${position.missing.join(', ')}.`,
        href: `/positions/${position.id}`,
        action: 'Open the position',
      })),
    ];
  }

  private async adminTodos(): Promise<Todo[]> {
    const [people, invited, requests] = await Promise.all([
      this.users.count(),
      this.users.countPendingInvitations(),
      this.dataRequests.pendingCount(),
    ]);
    const todos: Todo[] = [];
    if (requests > 0)
      todos.push({
        text: `${requests} ${requests === 1 ? 'candidate has' : 'candidates have'} asked to erase their data.`,
        href: '/admin/data-requests',
        action: 'Answer data requests',
      });
    if (people === 1)
      todos.push({ text: 'You are the only person in Keeper.', href: '/people/invite', action: 'Invite your team' });
    if (invited > 0) {
      todos.push({
        text: `${invited} ${invited === 1 ? 'person has' : 'people have'} not accepted their invitation yet.`,
        href: '/people?status=invited',
        action: 'See invitations',
      });
    }
    if (!this.config.smtpUrl) {
      const messages = await this.outbox.count();
      if (messages > 0) {
        todos.push({
          text: `No mail server is configured, so ${messages} ${messages === 1 ? 'message is' : 'messages are'} kept in the outbox instead of being sent.`,
          href: '/admin/outbox',
          action: 'Open the outbox',
        });
      }
    }
    return todos;
  }
}
