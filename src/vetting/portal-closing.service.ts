import { AuditService } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import type { DownloadableFile } from '../files/download.js';
import { FilesRepository } from '../files/files.repository.js';
import { PresentationService } from './presentation.service.js';
import { VettingRepository } from './vetting.repository.js';

/** How long a candidate can still download what they sent us after their application closed. */
export const DOCUMENTS_DAYS = 30;
const DAY_MS = 86_400_000;

export type PortalDocument = 'resume' | 'presentation';

/** What a closed application's portal shows: a courteous word in the company's name and the candidate's own files. */
export interface ClosingPage {
  companyName: string;
  candidateFirstName: string;
  positionTitle: string;
  withdrawn: boolean;
  /** Until when the documents can be downloaded; null once that time has passed. */
  downloadsUntil: Date | null;
  documents: { kind: PortalDocument; fileName: string }[];
}

/**
 * A rejected or withdrawn application's portal link stays readable: the closing page (never a way into Keeper's
 * staff pages) and, for 30 days after the application closed, the resume and presentation the candidate sent.
 */
@Injectable()
export class PortalClosingService {
  constructor(
    private readonly vetting: VettingRepository,
    private readonly pipeline: PipelineService,
    private readonly presentations: PresentationService,
    private readonly files: FilesRepository,
    private readonly company: CompanyService,
    private readonly audit: AuditService,
  ) {}

  /** The closing page for a link revoked because its application closed; null for any other link. */
  async page(token: string, now = new Date()): Promise<ClosingPage | null> {
    const application = await this.closedApplication(token);
    if (!application) return null;
    const until = new Date(application.stageChangedAt.getTime() + DOCUMENTS_DAYS * DAY_MS);
    const open = until > now;
    const { companyName } = await this.company.profile();
    return {
      companyName,
      candidateFirstName: application.candidate.name.trim().split(/\s+/)[0],
      positionTitle: application.position.title,
      withdrawn: application.stage === 'withdrawn',
      downloadsUntil: open ? until : null,
      documents: open ? await this.documentsOf(application) : [],
    };
  }

  /** One of the candidate's own files, while the closing page offers it. */
  async document(token: string, kind: PortalDocument, now = new Date()): Promise<DownloadableFile> {
    const application = await this.closedApplication(token);
    const page = application ? await this.page(token, now) : null;
    const file = page?.documents.find((document) => document.kind === kind)
      ? await this.fileOf(application!, kind)
      : null;
    const data = file ? await this.files.readData(file.id) : null;
    if (!file || !data)
      throw new DomainError('gone', 'This document can no longer be downloaded here. Ask the hiring team for a copy.');
    const document = kind === 'resume' ? 'resume' : 'presentation deck';
    await this.audit.accessed('downloaded', document, file.id, { applicationId: application!.id });
    return { fileName: file.fileName, contentType: file.contentType, data };
  }

  private async closedApplication(token: string): Promise<Application | null> {
    const link = await this.vetting.findLink(token);
    if (!link?.revokedAt) return null;
    const application = await this.pipeline.findOrFail(link.applicationId);
    // An anonymised candidate's link shows nothing, not even the closing page.
    if (application.candidate.anonymisedAt) return null;
    return application.stage === 'rejected' || application.stage === 'withdrawn' ? application : null;
  }

  private async documentsOf(application: Application): Promise<ClosingPage['documents']> {
    const documents: ClosingPage['documents'] = [];
    for (const kind of ['resume', 'presentation'] as const) {
      const file = await this.fileOf(application, kind);
      if (file) documents.push({ kind, fileName: file.fileName });
    }
    return documents;
  }

  private async fileOf(application: Application, kind: PortalDocument) {
    if (kind === 'resume') return application.candidate.resumeFile ?? null;
    return (await this.presentations.forApplication(application.id))?.deckFile ?? null;
  }
}
