import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { DomainError } from '../common/errors.js';
import type { Position } from '../positions/entities/position.entity.js';
import type { Interview } from './entities/interview.entity.js';

/** What each permission is asked about. */
export interface InterviewSubjects {
  /** Change a position's interview kit (and add a question to it). */
  'kit.edit': Position;
  /** Schedule a round of interviews for an application. */
  'interview.schedule': Application;
  /** Open an interview, and the candidate's resume and deck through it. */
  'interview.read': Interview;
  /** Sit on the panel: prepare and fill in a scorecard. */
  'interview.sit': Interview;
  /** Reschedule, change the panel, cancel. */
  'interview.manage': Interview;
  /** Read the debrief (once every scorecard is in). */
  'debrief.read': Interview;
  /** Record the debrief's decision. */
  'debrief.decide': Interview;
}

export type InterviewPermission = keyof InterviewSubjects;

/**
 * The one answer to "may this user do X to this interview (or kit, or application)". Decided from the user's
 * current roles: someone whose manager role was removed loses every manager power here at once, even on positions
 * they still stand as hiring manager of. Sitting on a panel depends on the seat only.
 */
@Injectable()
export class InterviewsAccess {
  can<P extends InterviewPermission>(user: User, permission: P, subject: InterviewSubjects[P]): boolean {
    switch (permission) {
      case 'kit.edit':
        return this.managesPosition(user, subject as Position);
      case 'interview.schedule':
        return this.managesPosition(user, (subject as Application).position);
      case 'interview.sit':
        return this.sitsOn(user, subject as Interview);
      case 'interview.read':
      case 'debrief.read':
        return this.sitsOn(user, subject as Interview) || this.managesInterview(user, subject as Interview);
      case 'interview.manage':
      case 'debrief.decide':
        return this.managesInterview(user, subject as Interview);
    }
    return false;
  }

  /** Throws 403 with a message that says who may, unless the user may. */
  require<P extends InterviewPermission>(user: User, permission: P, subject: InterviewSubjects[P]): void {
    if (this.can(user, permission, subject)) return;
    throw new DomainError('forbidden', this.refusal(permission, subject));
  }

  /** Admins, and managers who are the position's hiring manager or created it. */
  private managesPosition(user: User, position: Position): boolean {
    if (user.hasRole('admin')) return true;
    return user.hasRole('manager') && (position.hiringManagerId === user.id || position.createdById === user.id);
  }

  private managesInterview(user: User, interview: Interview): boolean {
    return this.managesPosition(user, interview.application.position);
  }

  private sitsOn(user: User, interview: Interview): boolean {
    return interview.panelists.some((seat) => seat.userId === user.id);
  }

  private refusal<P extends InterviewPermission>(permission: P, subject: InterviewSubjects[P]): string {
    if (permission === 'interview.read' || permission === 'debrief.read')
      return 'Only the interview panel and the hiring manager can open this interview.';
    if (permission === 'interview.sit') return 'Only the panelists fill in scorecards for this interview.';
    const position =
      permission === 'kit.edit'
        ? (subject as Position)
        : permission === 'interview.schedule'
          ? (subject as Application).position
          : (subject as Interview).application.position;
    return `Only ${position.hiringManager?.name ?? 'the hiring manager'}, whoever created it, or an admin can change this position.`;
  }
}
