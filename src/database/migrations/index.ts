import { Accounts1795379524399 } from './1795379524399-Accounts.js';
import { Positions1795381000000 } from './1795381000000-Positions.js';
import { Candidates1795382000000 } from './1795382000000-Candidates.js';
import { Vetting1795383000000 } from './1795383000000-Vetting.js';
import { Grading1795384000000 } from './1795384000000-Grading.js';
import { InterviewKits1795385000000 } from './1795385000000-InterviewKits.js';
import { PlanSharing1795386000000 } from './1795386000000-PlanSharing.js';
import { Interviews1795387000000 } from './1795387000000-Interviews.js';
import { Hires1795388000000 } from './1795388000000-Hires.js';
import { ScorecardRatings1795389000000 } from './1795389000000-ScorecardRatings.js';
import { ScorecardRatingsOnly1795389600000 } from './1795389600000-ScorecardRatingsOnly.js';
import { RaceGuards1795390000000 } from './1795390000000-RaceGuards.js';
import { OutboxDelivery1795390200000 } from './1795390200000-OutboxDelivery.js';
import { CareersAndAgencies1795390800000 } from './1795390800000-CareersAndAgencies.js';
import { AttemptLimits1795390500000 } from './1795390500000-AttemptLimits.js';
import { MessageTemplates1795391200000 } from './1795391200000-MessageTemplates.js';
import { TimeZones1795391300000 } from './1795391300000-TimeZones.js';
import { CompanyLogo1795391400000 } from './1795391400000-CompanyLogo.js';
import { CandidateMailEvents1795391090000 } from './1795391090000-CandidateMailEvents.js';
import { HumaneRejection1795391070000 } from './1795391070000-HumaneRejection.js';
import { AuditTrail1795391500000 } from './1795391500000-AuditTrail.js';
import { SelfIdentification1795391600000 } from './1795391600000-SelfIdentification.js';
import { ApplicationListIndexes1795391700000 } from './1795391700000-ApplicationListIndexes.js';
import { DataProtection1795391800000 } from './1795391800000-DataProtection.js';
import { CheckInCorrections1795391900000 } from './1795391900000-CheckInCorrections.js';
import { ApplicationCounts1795392100000 } from './1795392100000-ApplicationCounts.js';
import { RetentionAndLegalHold1795392000000 } from './1795392000000-RetentionAndLegalHold.js';
import { CandidateSearch1795392200000 } from './1795392200000-CandidateSearch.js';
import { OpenInterviews1795392250000 } from './1795392250000-OpenInterviews.js';
import { InsightSummaries1795392300000 } from './1795392300000-InsightSummaries.js';
import { AdverseSummary1795392400000 } from './1795392400000-AdverseSummary.js';
import { LiveApplicationIndexes1795392500000 } from './1795392500000-LiveApplicationIndexes.js';
import { ReadySummary1795392600000 } from './1795392600000-ReadySummary.js';
import { SourceSummary1795392700000 } from './1795392700000-SourceSummary.js';
import { DurationAndEffortSummaries1795392800000 } from './1795392800000-DurationAndEffortSummaries.js';

/** Every migration, oldest first. Listed by class so the same list works compiled, under Jest and in the CLI. */
export const migrations = [
  Accounts1795379524399,
  Positions1795381000000,
  Candidates1795382000000,
  Vetting1795383000000,
  Grading1795384000000,
  InterviewKits1795385000000,
  PlanSharing1795386000000,
  Interviews1795387000000,
  Hires1795388000000,
  ScorecardRatings1795389000000,
  ScorecardRatingsOnly1795389600000,
  RaceGuards1795390000000,
  OutboxDelivery1795390200000,
  AttemptLimits1795390500000,
  CareersAndAgencies1795390800000,
  HumaneRejection1795391070000,
  CandidateMailEvents1795391090000,
  MessageTemplates1795391200000,
  TimeZones1795391300000,
  CompanyLogo1795391400000,
  AuditTrail1795391500000,
  SelfIdentification1795391600000,
  ApplicationListIndexes1795391700000,
  DataProtection1795391800000,
  CheckInCorrections1795391900000,
  RetentionAndLegalHold1795392000000,
  ApplicationCounts1795392100000,
  CandidateSearch1795392200000,
  OpenInterviews1795392250000,
  InsightSummaries1795392300000,
  AdverseSummary1795392400000,
  LiveApplicationIndexes1795392500000,
  ReadySummary1795392600000,
  SourceSummary1795392700000,
  DurationAndEffortSummaries1795392800000,
];
