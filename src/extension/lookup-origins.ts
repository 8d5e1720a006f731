/**
 * The hosts of the optional online citation look-up (issue 5), asked for when the user turns it
 * on in the panel and removed when they turn it off; declared as optional host permissions in
 * wxt.config.ts (which imports this file, so it holds constants only).
 */
export const LOOKUP_ORIGINS = ['https://api.crossref.org/*', 'https://eutils.ncbi.nlm.nih.gov/*', 'https://clinicaltrials.gov/*'];
