import { Injectable, StreamableFile } from '@nestjs/common';
import archiver from 'archiver';
import type { User } from '../accounts/entities/user.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Candidate } from '../candidates/entities/candidate.entity.js';
import { notFound } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import { contentDisposition } from '../files/download.js';
import { FilesRepository } from '../files/files.repository.js';
import { SelfIdentificationPortalService } from '../self-identification/self-identification-portal.service.js';
import type { VettingConfig } from '../vetting/entities/vetting-config.entity.js';
import { PortalService } from '../vetting/portal.service.js';
import { VettingService } from '../vetting/vetting.service.js';
import { exportReadme } from './candidate-export.readme.js';
import { exportDocument, filesOf, type ExportFile, type ExportInput } from './candidate-export.view.js';
import { DataExportAccess } from './data-export.access.js';
import { DataExportRepository } from './data-export.repository.js';

interface ExportRequest {
  candidate: Candidate;
  requestedBy: ExportInput['requestedBy'];
  /** The portal link's application, for the audit trail; null for a staff export. */
  applicationId: number | null;
  fileName: string;
}

/**
 * A candidate's data as a ZIP (GDPR Art. 15 and 20): data.json, README.txt and their files, streamed to the response.
 * From the portal the link's candidate gets every one of their applications; an admin gets the same for any candidate
 * except the self-identification answers, which only the candidate reads back.
 */
@Injectable()
export class CandidateExportService {
  constructor(
    private readonly repository: DataExportRepository,
    private readonly access: DataExportAccess,
    private readonly portal: PortalService,
    private readonly vetting: VettingService,
    private readonly selfIdentification: SelfIdentificationPortalService,
    private readonly files: FilesRepository,
    private readonly company: CompanyService,
    private readonly audit: AuditService,
  ) {}

  /** The candidate's own download: an expired or revoked link gets the portal's usual refusal. */
  async forPortal(token: string): Promise<StreamableFile> {
    const application = await this.portal.open(token);
    const candidate = await this.repository.findCandidate(application.candidateId);
    if (!candidate) throw notFound('Your record');
    const fileName = `your-data-${new Date().toISOString().slice(0, 10)}.zip`;
    return this.zip({ candidate, requestedBy: 'candidate', applicationId: application.id, fileName });
  }

  /** An admin's export of any candidate, e.g. to answer a request by mail. */
  async forAdmin(user: User, candidateId: number): Promise<StreamableFile> {
    this.access.requireExport(user);
    const candidate = await this.repository.findCandidate(candidateId);
    if (!candidate) throw notFound('That candidate');
    const fileName = `candidate-${candidate.id}-data-${new Date().toISOString().slice(0, 10)}.zip`;
    return this.zip({ candidate, requestedBy: 'administrator', applicationId: null, fileName });
  }

  private async zip(request: ExportRequest): Promise<StreamableFile> {
    const { candidate, requestedBy } = request;
    const records = await this.repository.recordsOf(candidate);
    const applicationIds = records.applications.map((application) => application.id);
    const positionIds = [...new Set(records.applications.map((application) => application.positionId))];
    const configs = new Map<number, VettingConfig>();
    for (const id of positionIds) configs.set(id, await this.vetting.configFor(id));
    const input: ExportInput = {
      records,
      configs,
      selfIdentification: requestedBy === 'candidate' ? await this.selfIdentification.ownAnswers(applicationIds) : null,
      staffEmails: await this.repository.accountEmails([...new Set(records.messages.map((message) => message.to))]),
      exportedAt: new Date(),
      requestedBy,
    };
    const files: ExportFile[] = [];
    const contents: { path: string; data: Buffer }[] = [];
    for (const file of filesOf(records)) {
      const data = await this.files.readData(file.fileId);
      if (!data) continue;
      files.push(file);
      contents.push({ path: file.path, data });
    }
    const { companyName } = await this.company.profile();
    const detail = `${request.fileName}: ${applicationIds.length} applications, ${contents.length} files`;
    await this.audit.dataExport(
      requestedBy === 'candidate' ? 'downloaded' : 'exported',
      candidate.id,
      request.applicationId,
      detail,
    );
    const archive = archiver('zip', { zlib: { level: 6 } });
    archive.append(JSON.stringify(exportDocument(input, files), null, 2), { name: 'data.json' });
    archive.append(exportReadme(companyName, requestedBy, input.exportedAt), { name: 'README.txt' });
    for (const { path, data } of contents) archive.append(data, { name: path });
    archive.on('error', (error) => archive.destroy(error));
    void archive.finalize();
    return new StreamableFile(archive, {
      type: 'application/zip',
      disposition: contentDisposition(request.fileName),
    });
  }
}
