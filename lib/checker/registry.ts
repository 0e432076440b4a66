/** The checker's four tools by id: the one place the popup, the stored inputs and the tests read a tool from. */
import type { CheckerTool } from './fields';
import type { CheckerToolId } from './toolIds';
import { accountTool } from './tools/account';
import { familyTool } from './tools/family';
import { inpatientTool } from './tools/inpatient';
import { waitingTool } from './tools/waiting';

export const CHECKER_TOOLS: Record<CheckerToolId, CheckerTool> = {
  account: accountTool,
  family: familyTool,
  waiting: waitingTool,
  inpatient: inpatientTool,
};
