import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { CompanyService } from '../company/company.service.js';

/** Your account: the time-zone form (empty: the company's zone) and the link to change your password. */
@Injectable()
export class AccountPage implements FormPage {
  readonly view = 'accounts/account';

  constructor(private readonly company: CompanyService) {}

  async build({ user }: PageRequest) {
    return {
      title: 'Your account',
      name: user.name,
      email: user.email,
      companyZone: await this.company.timeZone(),
      values: { timeZone: user.timeZone ?? '' },
    };
  }
}
