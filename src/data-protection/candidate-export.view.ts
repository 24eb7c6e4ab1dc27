import { SOURCE_LABELS } from '../candidates/entities/candidate.entity.js';
import { STAGE_LABELS, type Application, type Stage } from '../candidates/entities/application.entity.js';
import type { StoredFile } from '../files/stored-file.entity.js';
import type { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import type { VettingConfig } from '../vetting/entities/vetting-config.entity.js';
import { rubricResult } from '../vetting/rubric-score.js';
import type { CandidateRecords } from './data-export.repository.js';

/** One file of the candidate's, placed in the ZIP under files/. */
export interface ExportFile {
  path: string;
  fileId: number;
  what: string;
  file: StoredFile;
}

/** One self-identification answer as the candidate chose it. */
export interface SelfIdAnswer {
  question: string;
  answer: string;
}

export interface ExportInput {
  records: CandidateRecords;
  configs: Map<number, VettingConfig>;
  /** Per application; null when this export does not carry them (made by staff). */
  selfIdentification: Map<number, SelfIdAnswer[]> | null;
  /** Addresses of staff accounts other than the candidate's own: a message to them is not the candidate's. */
  staffEmails: Set<string>;
  exportedAt: Date;
  requestedBy: 'candidate' | 'administrator';
}

const MESSAGE_STATUS: Record<string, string> = {
  sent: 'sent',
  kept: 'written, not sent by mail (no mail server)',
  queued: 'waiting to be sent',
  sending: 'being sent',
  failed: 'could not be delivered',
};

const stage = (value: string | null) => (value ? (STAGE_LABELS[value as Stage] ?? value) : null);
const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** Up to 80 characters of a file's own name, kept readable; never a path. */
function safeName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'file').slice(-80);
}

/** Collects the candidate's files, numbered so two files with one name never collide. */
export function filesOf({ candidate, applications, presentations, assessments }: CandidateRecords): ExportFile[] {
  const files: Omit<ExportFile, 'path'>[] = [];
  if (candidate.resumeFile) files.push({ fileId: candidate.resumeFile.id, what: 'resume', file: candidate.resumeFile });
  for (const application of applications) {
    const title = application.position.title;
    const deck = presentations.find((row) => row.applicationId === application.id)?.deckFile;
    if (deck) files.push({ fileId: deck.id, what: `presentation for ${title}`, file: deck });
    const report = assessments.find((row) => row.applicationId === application.id)?.reportFile;
    if (report) files.push({ fileId: report.id, what: `assessment report for ${title}`, file: report });
  }
  return files.map((entry, index) => ({
    ...entry,
    path: `files/${String(index + 1).padStart(2, '0')}-${safeName(entry.file.fileName)}`,
  }));
}

function messagesOf(input: ExportInput, application: Application) {
  const email = input.records.candidate.email.toLowerCase();
  return input.records.messages
    .filter((message) => message.applicationId === application.id)
    .filter((message) => message.to.toLowerCase() === email || !input.staffEmails.has(message.to.toLowerCase()))
    .map((message: OutboxMessage) => ({
      writtenAt: iso(message.createdAt),
      sentAt: iso(message.sentAt),
      to: message.to,
      subject: message.subject,
      text: message.text,
      status: MESSAGE_STATUS[message.status] ?? message.status,
    }));
}

function vettingOf(input: ExportInput, application: Application, files: ExportFile[]) {
  const { records, configs } = input;
  const config = configs.get(application.positionId);
  const assessment = records.assessments.find((row) => row.applicationId === application.id);
  const writing = records.writing.find((row) => row.applicationId === application.id);
  const presentation = records.presentations.find((row) => row.applicationId === application.id);
  const pathOf = (id: number | null | undefined) => files.find((file) => file.fileId === id)?.path ?? null;
  const grades = writing ? records.grades.filter((grade) => grade.submissionId === writing.id) : [];
  const scores = presentation ? records.scores.filter((score) => score.presentationId === presentation.id) : [];
  const writingResult = config && grades.length ? rubricResult(grades, config.writingPassMean) : null;
  const presentationResult = config && scores.length ? rubricResult(scores, config.presentationPassMean) : null;
  return {
    assessment: assessment && {
      provider: assessment.provider,
      takenOn: assessment.takenOn,
      eligibility: assessment.eligibility,
      suitability: assessment.suitability,
      traits: assessment.traits,
      passMarks: config ? { eligibility: config.minEligibility, suitability: config.minSuitability } : null,
      report: pathOf(assessment.reportFileId),
      recordedAt: iso(assessment.recordedAt),
    },
    writingTest: writing && {
      prompt: writing.prompt,
      startedAt: iso(writing.startedAt),
      deadlineAt: iso(writing.deadlineAt),
      submittedAt: iso(writing.submittedAt),
      text: writing.submittedAt ? writing.text : null,
      unsubmittedDraft: writing.submittedAt ? null : writing.draft || null,
      result: writingResult && {
        status: writingResult.status,
        meanLevel: writingResult.mean,
        outOf: 4,
        passMark: config!.writingPassMean,
        graders: writingResult.needed,
      },
    },
    researchPresentation: presentation && {
      deck: pathOf(presentation.deckFileId),
      uploadedAt: iso(presentation.uploadedAt),
      sessionAt: iso(presentation.sessionAt),
      result: presentationResult && {
        status: presentationResult.status,
        meanLevel: presentationResult.mean,
        outOf: 4,
        passMark: config!.presentationPassMean,
        evaluators: presentationResult.needed,
      },
    },
  };
}

function applicationOf(input: ExportInput, application: Application, files: ExportFile[]) {
  const { records } = input;
  const messages = messagesOf(input, application);
  const rejectionMessage = records.messages.find((message) => message.id === application.rejectionMessageId);
  return {
    reference: application.code,
    position: application.position.title,
    appliedAt: iso(application.createdAt),
    source: SOURCE_LABELS[application.source] ?? application.source,
    stage: stage(application.stage),
    stageSince: iso(application.stageChangedAt),
    privacyNotice: application.privacyNoticeVersion
      ? { version: application.privacyNoticeVersion, acceptedAt: iso(application.privacyAcceptedAt) }
      : null,
    outcomesConfirmedAt: iso(application.outcomesConfirmedAt),
    developmentPlan: { sharedAt: iso(application.planSharedAt), firstOpenedAt: iso(application.planOpenedAt) },
    stageHistory: records.events
      .filter((event) => event.applicationId === application.id && event.toStage)
      .map((event) => ({ from: stage(event.fromStage), to: stage(event.toStage), at: iso(event.createdAt) })),
    rejection:
      application.stage === 'rejected'
        ? {
            rejectedAt: iso(application.stageChangedAt),
            whatWeWroteToYou: rejectionMessage
              ? { subject: rejectionMessage.subject, text: rejectionMessage.text }
              : 'No message has been sent to you about it yet.',
          }
        : null,
    answers: records.answers
      .filter((answer) => answer.applicationId === application.id)
      .map((answer) => ({ outcome: answer.outcomeSentence, answer: answer.answer })),
    vetting: vettingOf(input, application, files),
    interviews: records.interviews
      .filter((interview) => interview.applicationId === application.id)
      .map((interview) => ({
        round: interview.round,
        startsAt: iso(interview.startsAt),
        timeZone: interview.timeZone,
        durationMinutes: interview.durationMinutes,
        place: interview.location,
        panel: interview.panelists.map((seat) => seat.user.name),
        cancelledAt: iso(interview.cancelledAt),
      })),
    offers: records.offers
      .filter((offer) => offer.applicationId === application.id)
      .map((offer) => ({
        offeredOn: offer.offeredOn,
        terms: offer.terms,
        salary: offer.salary,
        status: offer.status,
        answeredAt: iso(offer.respondedAt),
      })),
    selfIdentification: input.selfIdentification ? (input.selfIdentification.get(application.id) ?? []) : undefined,
    messages,
  };
}

/** data.json: everything Keeper holds about the candidate that this export carries (see README.txt for the rest). */
export function exportDocument(input: ExportInput, files: ExportFile[]) {
  const { candidate, applications } = input.records;
  return {
    export: {
      createdAt: iso(input.exportedAt),
      requestedBy: input.requestedBy,
      readme: 'README.txt explains every part of this file and what is not in it.',
    },
    profile: {
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      location: candidate.location,
      timeZone: candidate.timeZone,
      source: SOURCE_LABELS[candidate.source] ?? candidate.source,
      consentAt: iso(candidate.consentAt),
      firstRecordedAt: iso(candidate.createdAt),
      resume: files.find((file) => file.what === 'resume')?.path ?? null,
    },
    applications: applications.map((application) => applicationOf(input, application, files)),
    files: files.map((file) => ({
      path: file.path,
      what: file.what,
      originalName: file.file.fileName,
      contentType: file.file.contentType,
      bytes: file.file.size,
      sha256: file.file.sha256,
      uploadedAt: iso(file.file.createdAt),
    })),
  };
}
