import { IsIn, IsOptional } from 'class-validator';
import { FormInvalidError } from './errors.js';

/** The shared confirmation page (a page with choices includes the `confirm` partial in its own view). */
export const CONFIRM_VIEW = 'confirm/page';

export const CONFIRM_MESSAGE = 'Nothing has changed yet: read what will happen and confirm.';

/**
 * The posted confirmation of a destructive or irreversible action: the confirmation form sends `confirm=yes`;
 * a post without it is refused and the confirmation page shown again (see `views/partials/confirm.hbs`).
 */
export class ConfirmDto {
  @IsIn(['yes'], { message: CONFIRM_MESSAGE }) confirm: 'yes';
}

/** An optional "Yes, this is right" tick for warnings found only once the form is read (dates far from today). */
export class WarningConfirmDto {
  @IsOptional() @IsIn(['', 'yes']) confirm?: string;
}

/** What a confirmation page says and where its form posts. */
export interface Confirmation {
  /** The question, e.g. "Close Account Executive?". */
  heading: string;
  /** What will happen, one sentence each, in the order it happens. */
  consequences: string[];
  action: string;
  button: string;
  cancel: string;
  /** Hidden fields carried to the post (the selection, the chosen status). */
  hidden?: { name: string; value: string | number }[];
}

/** The view model of a confirmation page: the shared partial reads `confirmation`. */
export function confirmationPage(confirmation: Confirmation, extra: Record<string, unknown> = {}) {
  return { title: confirmation.heading, confirmation, ...extra };
}

/**
 * Refuses a form whose warnings (a date far from today, a panelist removed) were not confirmed: the form is shown
 * again with the warnings and a "Yes, this is right" tick; nothing is saved.
 */
export function requireConfirmed(confirm: string | undefined, warnings: string[]): void {
  if (warnings.length && confirm !== 'yes') throw new FormInvalidError({ confirm: warnings });
}
