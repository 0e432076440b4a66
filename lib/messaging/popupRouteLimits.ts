/** What a popup route may hold: an entry id's form and a search text's length (the schema and the parser share them). */
export const ENTRY_ID_PATTERN = /^[a-z0-9-]{1,80}$/;
export const SEARCH_ROUTE_MAX_CHARS = 64;
