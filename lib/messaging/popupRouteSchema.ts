/** The popup route's shape (see ./popupRoute.ts), checked where a route arrives from another context. */
import { z } from 'zod';
import { CHECKER_TOOL_IDS } from '@/lib/checker/toolIds';
import { ENTRY_ID_PATTERN as ENTRY_ID, SEARCH_ROUTE_MAX_CHARS as SEARCH_MAX_CHARS } from './popupRouteLimits';

export const popupRouteSchema = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('search'), text: z.string().max(SEARCH_MAX_CHARS) }),
  z.strictObject({ view: z.literal('term'), id: z.string().regex(ENTRY_ID) }),
  z.strictObject({ view: z.literal('article'), id: z.string().regex(ENTRY_ID) }),
  z.strictObject({ view: z.literal('page') }),
  z.strictObject({ view: z.literal('numbers') }),
  z.strictObject({ view: z.literal('checker'), tool: z.enum(CHECKER_TOOL_IDS).nullable() }),
]);
export type PopupRoute = z.infer<typeof popupRouteSchema>;
