import { ArrayNotEmpty, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { EmptyToNull, IsTimeZone, NormalizeEmail, ToArray, Trim } from '../../common/validation.js';
import { ROLES, STAFF_ROLES, type Role } from '../role.js';

export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_RULE = `Use at least ${PASSWORD_MIN_LENGTH} characters (a few unrelated words work well)`;

class NewPasswordFields {
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200, { message: PASSWORD_RULE })
  password: string;

  @IsString()
  @IsNotEmpty({ message: 'Type the password again' })
  passwordConfirmation: string;
}

export class SetupDto extends NewPasswordFields {
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'Enter your name' })
  name: string;

  @NormalizeEmail()
  @IsEmail({}, { message: 'Enter an email address like name@company.com' })
  @MaxLength(254)
  email: string;
}

/** Where to go after signing in (checked by safeNextPath). */
export class SignInQueryDto {
  @IsOptional() @IsString() @MaxLength(2000) next?: string;
}

export class SignInDto {
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty({ message: 'Enter your email address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(200)
  password: string;

  @IsOptional()
  @IsString()
  next?: string;
}

export class AcceptInvitationDto extends NewPasswordFields {
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'Enter your name' })
  name: string;
}

export class ResetPasswordDto extends NewPasswordFields {}

export class ChangePasswordDto extends NewPasswordFields {
  @IsString()
  @IsNotEmpty({ message: 'Enter your current password' })
  @MaxLength(200)
  currentPassword: string;
}

export class ForgotPasswordDto {
  @NormalizeEmail()
  @IsEmail({}, { message: 'Enter an email address like name@company.com' })
  @MaxLength(254)
  email: string;
}

export class InviteDto {
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'Enter their name' })
  name: string;

  @NormalizeEmail()
  @IsEmail({}, { message: 'Enter an email address like name@company.com' })
  @MaxLength(254)
  email: string;

  // class-validator checks bottom-up: "none chosen" is reported before "not in the list".
  @ToArray()
  @IsIn(STAFF_ROLES, { each: true, message: 'Choose roles from the list' })
  @ArrayNotEmpty({ message: 'Choose at least one role' })
  roles: Role[];
}

export class RolesDto {
  // class-validator checks bottom-up: "none chosen" is reported before "not in the list".
  @ToArray()
  @IsIn(STAFF_ROLES, { each: true, message: 'Choose roles from the list' })
  @ArrayNotEmpty({ message: 'Choose at least one role' })
  roles: Role[];
}

export class PeopleQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(['', ...ROLES])
  role?: Role | '';

  @IsOptional()
  @IsIn(['', 'invited', 'active', 'deactivated'])
  status?: 'invited' | 'active' | 'deactivated' | '';

  @IsOptional()
  @IsString()
  page?: string;
}

export class AccountTimeZoneDto {
  /** Empty: the company's zone. */
  @IsOptional() @EmptyToNull() @IsTimeZone() timeZone: string | null = null;
}
