import { AuditEvent } from '../audit/audit-event.entity.js';
import { AccountToken } from '../accounts/entities/account-token.entity.js';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import { Agency, AgencyRecruiter, AgencySubmission, RecruiterPosition } from '../agencies/entities/agency.entity.js';
import { DataRequest } from '../data-protection/entities/data-request.entity.js';
import { ApplicationAnswer } from '../candidates/entities/application-answer.entity.js';
import { CompanySettings } from '../company/entities/company-settings.entity.js';
import { PrivacyNotice } from '../company/entities/privacy-notice.entity.js';
import { ApplicationEvent } from '../candidates/entities/application-event.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { Candidate } from '../candidates/entities/candidate.entity.js';
import { RejectionReason } from '../candidates/entities/rejection-reason.entity.js';
import { LegalHold } from '../data-protection/entities/legal-hold.entity.js';
import { RetentionRule, RetentionRun } from '../data-protection/entities/retention-rule.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import {
  SelfIdentification,
  SelfIdentificationSettings,
} from '../self-identification/entities/self-identification.entity.js';
import { InterviewKit, KitItem } from '../interviews/entities/interview-kit.entity.js';
import { Question } from '../interviews/entities/question.entity.js';
import { Interview, Panelist, ScorecardEdit, ScorecardRating } from '../interviews/entities/interview.entity.js';
import { Connection, Hire, Offer, OnboardingTask } from '../hires/entities/hire.entity.js';
import { OnboardingTemplate, OnboardingTemplateTask } from '../hires/entities/onboarding-template.entity.js';
import { CheckIn, HireGoal, HireMilestone, LearningEntry } from '../hires/entities/development.entity.js';
import { LearningArea } from '../development/entities/learning-area.entity.js';
import { Milestone } from '../development/entities/milestone.entity.js';
import { PlanPhase } from '../development/entities/plan-phase.entity.js';
import { PlanTemplate } from '../development/entities/plan-template.entity.js';
import { MessageTemplate } from '../mail/entities/message-template.entity.js';
import { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import { CheckPhrase } from '../positions/entities/check-phrase.entity.js';
import { Outcome } from '../positions/entities/outcome.entity.js';
import { PositionEvent } from '../positions/entities/position-event.entity.js';
import { PositionVersion } from '../positions/entities/position-version.entity.js';
import { Position } from '../positions/entities/position.entity.js';
import { ShareLink } from '../positions/entities/share-link.entity.js';
import { Session } from '../sessions/session.entity.js';
import { Assessment } from '../vetting/entities/assessment.entity.js';
import { PortalLink } from '../vetting/entities/portal-link.entity.js';
import { PositionGrader } from '../vetting/entities/position-grader.entity.js';
import { Presentation, PresentationScore } from '../vetting/entities/presentation.entity.js';
import { WritingGrade } from '../vetting/entities/writing-grade.entity.js';
import { VettingConfig } from '../vetting/entities/vetting-config.entity.js';
import { WritingPrompt } from '../vetting/entities/writing-prompt.entity.js';
import { WritingSubmission } from '../vetting/entities/writing-submission.entity.js';

export const entities = [
  DataRequest,
  CompanySettings,
  PrivacyNotice,
  ApplicationAnswer,
  Agency,
  AgencyRecruiter,
  RecruiterPosition,
  AgencySubmission,
  User,
  UserRole,
  AccountToken,
  Session,
  MessageTemplate,
  OutboxMessage,
  Position,
  Outcome,
  PositionVersion,
  PositionEvent,
  ShareLink,
  CheckPhrase,
  PlanTemplate,
  PlanPhase,
  Milestone,
  LearningArea,
  StoredFile,
  Candidate,
  Application,
  ApplicationEvent,
  RejectionReason,
  VettingConfig,
  Assessment,
  WritingPrompt,
  PortalLink,
  WritingSubmission,
  PositionGrader,
  WritingGrade,
  Presentation,
  PresentationScore,
  Question,
  InterviewKit,
  KitItem,
  Interview,
  Panelist,
  ScorecardEdit,
  ScorecardRating,
  Offer,
  Hire,
  OnboardingTask,
  Connection,
  OnboardingTemplate,
  OnboardingTemplateTask,
  HireGoal,
  HireMilestone,
  CheckIn,
  LearningEntry,
  AuditEvent,
  SelfIdentification,
  SelfIdentificationSettings,
  RetentionRule,
  RetentionRun,
  LegalHold,
];
