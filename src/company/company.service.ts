import { Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../common/dates.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { CompanySettings } from './entities/company-settings.entity.js';
import { PrivacyNotice } from './entities/privacy-notice.entity.js';

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

/** The company's name and introduction, and the versions of its privacy notice for candidates. */
@Injectable()
export class CompanyService {
  constructor(private readonly uow: UnitOfWork) {}

  async profile(): Promise<CompanyProfile> {
    const row = await this.uow.repository(CompanySettings).findOneBy({ id: 1 });
    return {
      companyName: row?.companyName ?? DEFAULT_COMPANY_NAME,
      introduction: row?.introduction ?? null,
      timeZone: isTimeZone(row?.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE,
    };
  }

  /** The zone times are shown in for anyone without their own (Settings → Company; UTC until an admin sets it). */
  async timeZone(): Promise<string> {
    return (await this.profile()).timeZone;
  }

  /** The zone a person's times are shown in: their own, else the company's. */
  async zoneFor(own: string | null | undefined): Promise<string> {
    return isTimeZone(own) ? own : this.timeZone();
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
