/** A claim's own tests: its examples must match it (with the stance they pin), its near-misses must not. */
import type { GradedClaim } from '../core/grade';
import type { ClaimSource } from './source-schema';

export function claimExampleFailures(claim: ClaimSource, check: (sentence: string) => GradedClaim[]): string[] {
  const problems: string[] = [];
  for (const example of claim.examples) {
    const { text, stance, hedged } = typeof example === 'string' ? { text: example, stance: undefined, hedged: undefined } : example;
    const results = check(text);
    const hit = results.find((r) => r.claim?.id === claim.id);
    const found = results.map((r) => r.claim?.id ?? 'not-reviewed').join(', ') || 'nothing';
    if (!hit) {
      problems.push(`example not matched (found ${found}): "${text}"`);
    } else if (stance ? hit.stance !== stance : hit.stance !== 'asserts' && hit.stance !== 'reports') {
      problems.push(`example read as "${hit.stance}", expected ${stance ?? 'asserts or reports'}: "${text}"`);
    } else if (hedged !== undefined && hit.hedged !== hedged) {
      problems.push(`example read as ${hit.hedged ? '' : 'not '}hedged: "${text}"`);
    }
  }
  for (const miss of claim.nearMisses) {
    if (check(miss).some((r) => r.claim?.id === claim.id)) problems.push(`near-miss matched: "${miss}"`);
  }
  return problems;
}
