/** The popup route's shape (see ./popupRoute.ts), checked where a route arrives from another context. */
// zod/mini (see lib/settings/intents.ts): the background carries this schema.
import * as z from 'zod/mini';
import { CHECKER_TOOL_IDS } from '@/lib/checker/toolIds';
import { ENTRY_ID_PATTERN as ENTRY_ID, SEARCH_ROUTE_MAX_CHARS as SEARCH_MAX_CHARS } from './popupRouteLimits';

export const popupRouteSchema = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('search'), text: z.string().check(z.maxLength(SEARCH_MAX_CHARS)) }),
  z.strictObject({ view: z.literal('term'), id: z.string().check(z.regex(ENTRY_ID)) }),
  z.strictObject({ view: z.literal('article'), id: z.string().check(z.regex(ENTRY_ID)) }),
  z.strictObject({ view: z.literal('page') }),
  z.strictObject({ view: z.literal('numbers') }),
  z.strictObject({ view: z.literal('checker'), tool: z.nullable(z.enum(CHECKER_TOOL_IDS)) }),
]);
export type PopupRoute = z.infer<typeof popupRouteSchema>;
