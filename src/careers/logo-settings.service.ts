import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { FormInvalidError } from '../common/errors.js';
import { CompanyService } from '../company/company.service.js';
import { checkLogo, tooLarge } from '../company/logo-check.js';
import type { UploadState } from '../files/upload.js';

/** The admin's side of the company's logo: checked by its bytes (an SVG sanitised), stored, or removed. */
@Injectable()
export class LogoSettingsService {
  constructor(private readonly company: CompanyService) {}

  /** Stores the uploaded logo; `sanitised` when it was an SVG (which candidates then get as sanitised). */
  async upload(user: User, state: UploadState): Promise<{ sanitised: boolean }> {
    if (state.tooLarge) throw new FormInvalidError({ logo: [tooLarge()] }, 'too-large');
    if (state.error) throw FormInvalidError.single('logo', state.error);
    if (!state.upload) throw FormInvalidError.single('logo', 'Choose a PNG or SVG file to upload.');
    const checked = checkLogo(state.upload.data, state.upload.originalName);
    if ('refusal' in checked) throw FormInvalidError.single('logo', checked.refusal);
    await this.company.saveLogo(checked, user.id);
    return { sanitised: checked.kind === 'svg' };
  }

  remove(): Promise<boolean> {
    return this.company.removeLogo();
  }
}
