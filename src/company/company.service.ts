import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../common/dates.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { FilesRepository } from '../files/files.repository.js';
import { CompanySettings } from './entities/company-settings.entity.js';
import { PrivacyNotice } from './entities/privacy-notice.entity.js';
import type { CheckedLogo, LogoKind } from './logo-check.js';
import { readOnce } from '../common/read-memo.js';

/** What Keeper calls the company until an admin names it in Settings. */
export const DEFAULT_COMPANY_NAME = 'Our company';
export const DEFAULT_RETENTION_MONTHS = 12;
export const DEFAULT_REJECTION_DELAY_DAYS = 2;

export interface CompanyProfile {
  companyName: string;
  introduction: string | null;
  /** The IANA zone of staff and candidates who have not chosen their own. */
  timeZone: string;
}

/** Where pages find the logo: a stable address whose `v` changes with each upload, so browsers may cache it for good. */
export interface LogoRef {
  url: string;
  kind: LogoKind;
  version: number;
}

/** What candidates see of the company on every page, mail and PDF. */
export interface CompanyBrand extends CompanyProfile {
  logo: LogoRef | null;
}

/** The logo's bytes, for the public address, mail (an inline attachment) and PDFs. */
export interface LogoFile {
  kind: LogoKind;
  contentType: string;
  data: Buffer;
  version: number;
}

export const LOGO_PATH = '/brand/logo';

/** The company's name and introduction, and the versions of its privacy notice for candidates. */
@Injectable()
export class CompanyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: FilesRepository,
  ) {}

  async profile(): Promise<CompanyBrand> {
    const row = await this.uow.repository(CompanySettings).findOneBy({ id: 1 });
    const file = row?.logoFileId ? await this.files.findById(row.logoFileId) : null;
    return {
      companyName: row?.companyName ?? DEFAULT_COMPANY_NAME,
      introduction: row?.introduction ?? null,
      timeZone: isTimeZone(row?.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE,
      logo: file ? { url: `${LOGO_PATH}?v=${file.id}`, kind: kindOf(file.contentType), version: file.id } : null,
    };
  }

  /** The zone times are shown in for anyone without their own (Settings → Company; UTC until an admin sets it). */
  timeZone(): Promise<string> {
    return readOnce('company-time-zone', async () => {
      const row = await this.uow
        .repository(CompanySettings)
        .findOne({ where: { id: 1 }, select: { id: true, timeZone: true } });
      return isTimeZone(row?.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE;
    });
  }

  /** The zone a person's times are shown in: their own, else the company's. */
  async zoneFor(own: string | null | undefined): Promise<string> {
    return isTimeZone(own) ? own : this.timeZone();
  }

  /** The current logo with its bytes, or null when there is none. */
  async logo(): Promise<LogoFile | null> {
    const row = await this.uow.repository(CompanySettings).findOneBy({ id: 1 });
    if (!row?.logoFileId) return null;
    const [file, data] = await Promise.all([this.files.findById(row.logoFileId), this.files.readData(row.logoFileId)]);
    if (!file || !data) return null;
    return { kind: kindOf(file.contentType), contentType: file.contentType, data, version: file.id };
  }

  /** Stores a checked logo (see checkLogo) in place of the current one, which is deleted. */
  saveLogo(logo: CheckedLogo, byId: number | null): Promise<void> {
    return this.uow.run(async () => {
      const settings = this.uow.repository(CompanySettings);
      const row = await settings.findOneBy({ id: 1 });
      const file = await this.files.save(
        { fileName: `logo.${logo.kind}`, contentType: logo.contentType, createdById: byId },
        logo.data,
      );
      await settings.save({ id: 1, companyName: row?.companyName ?? DEFAULT_COMPANY_NAME, logoFileId: file.id });
      if (row?.logoFileId) await this.files.remove(row.logoFileId);
    });
  }

  /** Removes the logo; false when there was none. */
  removeLogo(): Promise<boolean> {
    return this.uow.run(async () => {
      const settings = this.uow.repository(CompanySettings);
      const row = await settings.findOneBy({ id: 1 });
      if (!row?.logoFileId) return false;
      await settings.update({ id: 1 }, { logoFileId: null });
      await this.files.remove(row.logoFileId);
      return true;
    });
  }

  /** How many days a rejection message waits by default before it is sent (it can be undone until then). */
  async rejectionDelayDays(): Promise<number> {
    const row = await this.uow.repository(CompanySettings).findOneBy({ id: 1 });
    return row?.rejectionDelayDays ?? DEFAULT_REJECTION_DELAY_DAYS;
  }

  async saveRejectionDelay(days: number): Promise<void> {
    const settings = this.uow.repository(CompanySettings);
    const row = await settings.findOneBy({ id: 1 });
    await settings.save({ id: 1, companyName: row?.companyName ?? DEFAULT_COMPANY_NAME, rejectionDelayDays: days });
  }

  async saveProfile(profile: Omit<CompanyProfile, 'timeZone'> & { timeZone?: string }): Promise<void> {
    await this.uow.repository(CompanySettings).save({ id: 1, ...profile });
  }

  /** The notice candidates accept now, or null before an admin has written one. */
  currentNotice(): Promise<PrivacyNotice | null> {
    return this.uow.repository(PrivacyNotice).findOne({ where: {}, order: { version: 'DESC' } });
  }

  noticeVersion(version: number): Promise<PrivacyNotice | null> {
    return this.uow.repository(PrivacyNotice).findOneBy({ version });
  }

  /**
   * A changed text or retention period becomes the next version (earlier acceptances keep pointing at the text the
   * candidate read); saving the same notice again changes nothing. Returns the current notice.
   */
  publishNotice(body: string, retentionMonths: number, byId: number): Promise<PrivacyNotice> {
    return this.uow.run(async () => {
      const current = await this.currentNotice();
      if (current && current.body === body && current.retentionMonths === retentionMonths) return current;
      const notices = this.uow.repository(PrivacyNotice);
      return notices.save(
        notices.create({ version: (current?.version ?? 0) + 1, body, retentionMonths, createdById: byId }),
      );
    });
  }
}

function kindOf(contentType: string): LogoKind {
  return contentType === 'image/png' ? 'png' : 'svg';
}
