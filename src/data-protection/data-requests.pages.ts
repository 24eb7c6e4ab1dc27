import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { DataRequestsService } from './data-requests.service.js';

/** One pending erasure request: what erasing removes, the confirm button and the refusal form. */
@Injectable()
export class DataRequestPage implements FormPage {
  readonly view = 'data-protection/request';

  constructor(private readonly requests: DataRequestsService) {}

  build({ id }: PageRequest<User>) {
    return this.requests.requestPage(id);
  }
}
