import { AuditService } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { CONTENT_TYPES, safeFileName } from '../files/content-type.js';
import { FilesRepository } from '../files/files.repository.js';
import { assertKind, type Upload } from '../files/upload.js';
import type { CandidateDto } from './dto/candidate.dto.js';
import type { Application } from './entities/application.entity.js';
import type { Candidate } from './entities/candidate.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { CandidatesAccess } from './candidates.access.js';
import { CandidatesRepository } from './candidates.repository.js';
import { PipelineService } from './pipeline.service.js';

/** Candidates: their record, resume and the positions they apply to. */
@Injectable()
export class CandidatesService {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly files: FilesRepository,
    private readonly pipeline: PipelineService,
    private readonly access: CandidatesAccess,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(search: string | undefined, page: PageRequest) {
    return this.candidates.findCandidatePage(search, page);
  }

  async findOrFail(id: number): Promise<Candidate> {
    const candidate = await this.candidates.findCandidate(id);
    if (!candidate) throw notFound('That candidate');
    return candidate;
  }

  applicationsOf(candidateId: number): Promise<Application[]> {
    return this.candidates.findApplicationsOfCandidate(candidateId);
  }

  /** Adds a candidate (and their application, when a position is chosen). An existing email is offered instead of a duplicate. */
  async create(
    user: User,
    dto: CandidateDto,
    resume: Upload | null,
  ): Promise<{ candidate: Candidate; application: Application | null }> {
    const existing = await this.candidates.findCandidateByEmail(dto.email);
    if (existing) {
      throw new FormInvalidError(
        {
          email: [
            `${existing.name} is already a candidate with this email. Open their record to add them to this position.`,
          ],
        },
        'conflict',
      );
    }
    const kind = resume ? assertKind(resume, 'resume', ['pdf', 'docx']) : null;
    if (dto.positionId) await this.pipeline.assertOpenForApplications(dto.positionId);
    return this.uow.run(async () => {
      const file =
        resume && kind
          ? await this.files.save(
              {
                fileName: safeFileName(resume.originalName, kind),
                contentType: CONTENT_TYPES[kind],
                createdById: user.id,
              },
              resume.data,
            )
          : null;
      const candidate = await this.candidates.saveCandidate({
        name: dto.name,
        email: dto.email,
        phone: dto.phone ?? null,
        source: dto.source,
        notes: dto.notes ?? null,
        consentAt: dto.consent === '1' ? new Date() : null,
        resumeFileId: file?.id ?? null,
        createdById: user.id,
      });
      const application = dto.positionId ? await this.pipeline.apply(user, candidate, dto.positionId) : null;
      return { candidate, application };
    });
  }

  /** The candidate, for a user who may change their record (403 otherwise). */
  async findEditable(user: User, id: number): Promise<Candidate> {
    const candidate = await this.findOrFail(id);
    await this.access.requireEditCandidate(user, candidate);
    return candidate;
  }

  async update(user: User, id: number, dto: CandidateDto, resume: Upload | null): Promise<Candidate> {
    const candidate = await this.findEditable(user, id);
    const other = await this.candidates.findCandidateByEmail(dto.email);
    if (other && other.id !== id)
      throw new FormInvalidError({ email: [`${other.name} already uses this email.`] }, 'conflict');
    const kind = resume ? assertKind(resume, 'resume', ['pdf', 'docx']) : null;
    return this.uow.run(async () => {
      const previousFileId = candidate.resumeFileId;
      if (resume && kind) {
        const file = await this.files.save(
          { fileName: safeFileName(resume.originalName, kind), contentType: CONTENT_TYPES[kind], createdById: user.id },
          resume.data,
        );
        candidate.resumeFileId = file.id;
      }
      Object.assign(candidate, {
        name: dto.name,
        email: dto.email,
        phone: dto.phone ?? null,
        source: dto.source,
        notes: dto.notes ?? null,
        consentAt: dto.consent === '1' ? (candidate.consentAt ?? new Date()) : null,
      });
      // Saved without the loaded resume relation, which would otherwise win over the new resumeFileId.
      const { resumeFile: _previousResume, ...fields } = candidate;
      const saved = await this.candidates.saveCandidate(fields);
      if (resume && previousFileId) await this.files.remove(previousFileId);
      return saved;
    });
  }

  async resume(id: number): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const candidate = await this.findOrFail(id);
    const data = candidate.resumeFileId ? await this.files.readData(candidate.resumeFileId) : null;
    if (!candidate.resumeFile || !data) throw new DomainError('not-found', 'This candidate has no resume.');
    await this.audit.accessed('downloaded', 'resume', candidate.resumeFile.id, { candidateId: candidate.id });
    return { fileName: candidate.resumeFile.fileName, contentType: candidate.resumeFile.contentType, data };
  }

  async addApplication(user: User, candidateId: number, positionId: number): Promise<Application> {
    const candidate = await this.findOrFail(candidateId);
    await this.pipeline.assertOpenForApplications(positionId);
    return this.uow.run(() => this.pipeline.apply(user, candidate, positionId));
  }
}
