import { AccountToken } from '../accounts/entities/account-token.entity.js';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { User } from '../accounts/entities/user.entity.js';
import { LearningArea } from '../development/entities/learning-area.entity.js';
import { Milestone } from '../development/entities/milestone.entity.js';
import { PlanPhase } from '../development/entities/plan-phase.entity.js';
import { PlanTemplate } from '../development/entities/plan-template.entity.js';
import { OutboxMessage } from '../mail/entities/outbox-message.entity.js';
import { CheckPhrase } from '../positions/entities/check-phrase.entity.js';
import { Outcome } from '../positions/entities/outcome.entity.js';
import { PositionEvent } from '../positions/entities/position-event.entity.js';
import { PositionVersion } from '../positions/entities/position-version.entity.js';
import { Position } from '../positions/entities/position.entity.js';
import { ShareLink } from '../positions/entities/share-link.entity.js';
import { Session } from '../sessions/session.entity.js';

export const entities = [
  User,
  UserRole,
  AccountToken,
  Session,
  OutboxMessage,
  Position,
  Outcome,
  PositionVersion,
  PositionEvent,
  ShareLink,
  CheckPhrase,
  PlanTemplate,
  PlanPhase,
  Milestone,
  LearningArea,
];
