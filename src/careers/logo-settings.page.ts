import { Injectable } from '@nestjs/common';
import type { FormPage } from '../common/decorators.js';
import { CompanyService } from '../company/company.service.js';
import { LOGO_LIMIT_BYTES } from '../company/logo-check.js';

/** Settings → Company → Logo: the current logo as candidates see it, and the upload form. */
@Injectable()
export class LogoPage implements FormPage {
  readonly view = 'careers-admin/logo';

  constructor(private readonly company: CompanyService) {}

  async build() {
    const { companyName, logo } = await this.company.profile();
    return {
      title: 'Logo',
      companyName,
      logo: logo ? { url: logo.url, kind: logo.kind === 'png' ? 'PNG' : 'SVG', svg: logo.kind === 'svg' } : null,
      limitKb: LOGO_LIMIT_BYTES / 1024,
      values: {},
    };
  }
}
