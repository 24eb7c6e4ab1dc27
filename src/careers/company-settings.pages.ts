import { Injectable } from '@nestjs/common';
import type { FormPage } from '../common/decorators.js';
import { DEFAULT_RETENTION_MONTHS } from '../company/company.service.js';
import { CompanySettingsService } from './company-settings.service.js';

/** Settings → Company and careers site: the name and introduction candidates see. */
@Injectable()
export class CompanyProfilePage implements FormPage {
  readonly view = 'careers-admin/company';

  constructor(private readonly settings: CompanySettingsService) {}

  async build() {
    const profile = await this.settings.profile();
    const [notice] = await this.settings.notices();
    return {
      title: 'Company and careers site',
      hasNotice: Boolean(notice),
      values: {
        companyName: profile.companyName,
        introduction: profile.introduction ?? '',
        timeZone: profile.timeZone,
      },
    };
  }
}

/** Settings → Privacy notice: the current version in the form, earlier versions listed below. */
@Injectable()
export class PrivacyNoticePage implements FormPage {
  readonly view = 'careers-admin/privacy-notice';

  constructor(private readonly settings: CompanySettingsService) {}

  async build() {
    const [current, ...earlier] = await this.settings.notices();
    return {
      title: 'Privacy notice',
      current: current ? { version: current.version, publishedAt: current.createdAt } : null,
      earlier: earlier.map((notice) => ({
        version: notice.version,
        publishedAt: notice.createdAt,
        retentionMonths: notice.retentionMonths,
      })),
      values: {
        body: current?.body ?? '',
        retentionMonths: String(current?.retentionMonths ?? DEFAULT_RETENTION_MONTHS),
      },
    };
  }
}
