import { STAGE_LABELS, type Application } from './entities/application.entity.js';
import { SOURCE_LABELS, SOURCES, type Candidate } from './entities/candidate.entity.js';

export const SOURCE_CHOICES = SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }));

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysInStage(application: Application, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - application.stageChangedAt.getTime()) / DAY_MS));
}

export function mapCandidate(candidate: Candidate) {
  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    source: SOURCE_LABELS[candidate.source],
    notes: candidate.notes,
    consentAt: candidate.consentAt,
    anonymisedAt: candidate.anonymisedAt,
    resume: candidate.resumeFile
      ? {
          fileName: candidate.resumeFile.fileName,
          size: `${Math.max(1, Math.round(candidate.resumeFile.size / 1024))} KB`,
        }
      : null,
    createdAt: candidate.createdAt,
  };
}

export function mapApplicationRow(application: Application) {
  const days = daysInStage(application);
  return {
    id: application.id,
    code: application.code,
    stage: application.stage,
    stageLabel: STAGE_LABELS[application.stage],
    daysInStage: days,
    daysLabel: days === 0 ? 'since today' : `${days} ${days === 1 ? 'day' : 'days'} in stage`,
    candidate: application.candidate
      ? {
          id: application.candidate.id,
          name: application.candidate.name,
          email: application.candidate.email,
          source: SOURCE_LABELS[application.source],
        }
      : null,
    position: application.position ? { id: application.position.id, title: application.position.title } : null,
    rejectionReason: application.rejectionReason?.label ?? null,
    appliedAt: application.createdAt,
  };
}

export function candidateFormValues(candidate: Candidate) {
  return {
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone ?? '',
    source: candidate.source,
    notes: candidate.notes ?? '',
    consent: candidate.consentAt ? '1' : '',
  };
}
