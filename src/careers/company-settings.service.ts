import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { notFound } from '../common/errors.js';
import { CompanyService, type CompanyProfile } from '../company/company.service.js';
import type { PrivacyNotice } from '../company/entities/privacy-notice.entity.js';
import { CareersSettingsRepository } from './careers-settings.repository.js';
import type { CompanyProfileDto, PrivacyNoticeDto } from './dto/careers-admin.dto.js';

/** The admin's side of the careers site: the company's name and introduction, and the privacy notice's versions. */
@Injectable()
export class CompanySettingsService {
  constructor(
    private readonly company: CompanyService,
    private readonly repository: CareersSettingsRepository,
    private readonly users: UsersRepository,
  ) {}

  profile(): Promise<CompanyProfile> {
    return this.company.profile();
  }

  saveProfile(dto: CompanyProfileDto): Promise<void> {
    return this.company.saveProfile({
      companyName: dto.companyName,
      introduction: dto.introduction ?? null,
      timeZone: dto.timeZone,
    });
  }

  /** Saves the notice as a new version when its text or retention changed; `changed` false when it is the same. */
  async publishNotice(user: User, dto: PrivacyNoticeDto): Promise<{ notice: PrivacyNotice; changed: boolean }> {
    const before = await this.company.currentNotice();
    const notice = await this.company.publishNotice(dto.body, dto.retentionMonths, user.id);
    return { notice, changed: notice.version !== before?.version };
  }

  /** Every version, newest first (the first is the current one). */
  notices(): Promise<PrivacyNotice[]> {
    return this.repository.notices();
  }

  /** One version as it was published, and who published it. */
  async notice(version: number): Promise<{ notice: PrivacyNotice; by: string | null; current: boolean }> {
    const [notice, current] = await Promise.all([this.company.noticeVersion(version), this.company.currentNotice()]);
    if (!notice) throw notFound(`Version ${version} of the privacy notice`);
    const by = notice.createdById ? await this.users.findById(notice.createdById) : null;
    return { notice, by: by?.name ?? null, current: current?.version === notice.version };
  }
}
