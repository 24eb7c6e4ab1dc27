/**
 * @deprecated Transitional: other modules still import these names from here. The rule lives in
 * positions.access.ts (PositionsAccess); call PositionsService.requireEditable / canEdit instead.
 */
export { assertCanEditPosition, canEditPosition } from './positions.access.js';
