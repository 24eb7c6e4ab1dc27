import { AccountToken } from '../accounts/entities/account-token.entity.js';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import { Session } from '../sessions/session.entity.js';

export const entities = [User, UserRole, AccountToken, Session, OutboxMessage];
